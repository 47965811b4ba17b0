package org.jixiao.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patterns that find figures in running text, loaded from {@code prose.properties} so that no
 * Chinese wording sits in code. Immutable and thread-safe.
 */
final class Prose {

    private final Pattern year;
    private final Pattern total;
    private final Pattern grade;
    private final Pattern executionRate;
    private final Pattern title;
    private final Pattern fundsUnit;

    private Prose(Properties p) {
        this.year = compile(p, "year");
        this.total = compile(p, "prose.total");
        this.grade = compile(p, "prose.grade");
        this.executionRate = compile(p, "prose.execution_rate");
        this.title = compile(p, "title");
        this.fundsUnit = compile(p, "funds.unit");
    }

    static Prose load() {
        try (InputStream in = Prose.class.getResourceAsStream("prose.properties")) {
            if (in == null) {
                throw new IllegalStateException("resource missing: prose.properties");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Prose(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prose.properties", e);
        }
    }

    private static Pattern compile(Properties p, String key) {
        String regex = p.getProperty(key);
        if (regex == null) {
            throw new IllegalStateException("prose.properties has no key " + key);
        }
        return Pattern.compile(regex);
    }

    Optional<Integer> year(String text) {
        return first(year, text).map(Integer::valueOf);
    }

    Optional<String> total(String text) {
        return first(total, text);
    }

    Optional<String> grade(String text) {
        return first(grade, text);
    }

    Optional<String> executionRate(String text) {
        return first(executionRate, text);
    }

    /** The money unit a funds block label states (项目资金(元) gives 元), if any. */
    Optional<String> fundsUnit(String label) {
        return first(fundsUnit, label);
    }

    boolean isTitle(String text) {
        return title.matcher(text).find();
    }

    private static Optional<String> first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
