package org.jixiao.internal.extract;

import org.jixiao.model.FormKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The template families shipped with jixiao, loaded from {@code templates/index.txt} and one
 * {@code templates/<id>.properties} per family. Adding a family is adding a resource (and its
 * golden test), not Java. Immutable and thread-safe.
 *
 * <p>Keys of a template resource: {@code kind} ({@code project}, {@code department_overall},
 * {@code transfer_payment}); {@code requires}, comma-separated groups of {@code |}-separated
 * alternatives; {@code optional}; {@code score.reported} (a column role) or {@code scores=none};
 * {@code project_name=department} where the form names no project.
 */
final class Templates {

    private static final String DIR = "templates/";

    private final List<Template> all;

    private Templates(List<Template> all) {
        this.all = List.copyOf(all);
    }

    /** The shipped families, read once: they are the same for every pipeline (1.5–2 ms to read each time). */
    static Templates shipped() {
        return Shipped.TEMPLATES;
    }

    /** Read on first use, by the class loader's lock: one instance, safely published. */
    private static final class Shipped {
        static final Templates TEMPLATES = load();
    }

    static Templates load() {
        List<Template> all = new ArrayList<>();
        for (String id : index()) {
            all.add(parse(id, properties(DIR + id + ".properties")));
        }
        if (all.isEmpty()) {
            throw new IllegalStateException(DIR + "index.txt lists no template");
        }
        return new Templates(all);
    }

    List<Template> all() {
        return all;
    }

    /**
     * The family that best explains a form with {@code traits}: of those whose requirements all
     * hold, the one that requires most; the earlier in the index on a tie. Empty if none does.
     */
    Optional<Template> choose(Set<String> traits) {
        Template best = null;
        for (Template t : all) {
            if (t.explains(traits) && (best == null || t.specificity() > best.specificity())) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    static Template parse(String id, Properties p) {
        String kindText = required(id, p, "kind");
        FormKind kind;
        try {
            kind = FormKind.valueOf(kindText.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("template " + id + ": unknown kind '" + kindText + "'", e);
        }
        List<Set<String>> requires = new ArrayList<>();
        for (String group : list(required(id, p, "requires"))) {
            requires.add(new LinkedHashSet<>(Arrays.stream(group.split("\\|")).map(String::strip).toList()));
        }
        Set<String> optional = new LinkedHashSet<>(list(p.getProperty("optional", "")));
        Optional<ColumnRole> score = Optional.empty();
        if (!"none".equals(p.getProperty("scores", "").strip())) {
            String role = required(id, p, "score.reported");
            score = Optional.of(ColumnRole.parse(role).orElseThrow(() ->
                    new IllegalStateException("template " + id + ": score.reported names no column role: " + role)));
        }
        boolean fromDepartment = "department".equals(p.getProperty("project_name", "").strip());
        return new Template(id, kind, requires, optional, score, fromDepartment);
    }

    private static String required(String id, Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("template " + id + " has no " + key);
        }
        return v;
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> index() {
        List<String> ids = new ArrayList<>();
        try (InputStream in = open(DIR + "index.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DIR + "index.txt", e);
        }
        return ids;
    }

    private static Properties properties(String name) {
        try (InputStream in = open(name)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = Templates.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource missing: " + name);
        }
        return in;
    }
}
