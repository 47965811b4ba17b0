package org.jixiao.internal.write;

import org.jixiao.internal.normalize.TsvResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Finds the province a text names, through the place-name resource {@code places.tsv}: provinces,
 * their prefecture-level divisions and (where listed) county-level divisions.
 *
 * <pre>
 * 016山西省行政审批服务管理局         -> 山西省   (full name)
 * 国家税务总局忻州市税务局            -> 山西省   (a prefecture's full name)
 * 忻州财政局                        -> 山西省   (a prefecture's short name, at the start)
 * 五台县教育局                       -> 山西省   (a county's full name)
 * 黄河南岸治理 (a title)             -> empty   (短名 河南 is not trusted in titles)
 * </pre>
 *
 * <p>The leftmost name wins, the longest at that place ({@code 河北区} of 天津 before {@code 河北}).
 * Short names are easy to find inside other words, so a title is searched for full names only,
 * a prefecture's short name counts only at the start of the text, and a two-character county name
 * ({@code 代县}) only at the start or after a division suffix. A name that ends in 市 is not a city
 * when 场 follows ({@code 东方市场}). Immutable and thread-safe.
 */
final class PlaceNames {

    private enum Where { ANYWHERE, AT_START, AT_START_OR_AFTER_DIVISION }

    /** Where a name may match and the province it points to. */
    private record Place(String province, Where where, boolean full) {
    }

    private static final String RESOURCE = "places.tsv";
    private static final String RULES = "places.properties";
    private static final String HEADER = "province\tshort\tkind\tnames";
    private static final PlaceNames INSTANCE = load();

    private final Map<String, Place> places;
    private final int longest;
    private final Rules rules;

    /** The matching rules of {@code places.properties}. */
    private record Rules(List<String> shortSuffixes, String countyAfter, char citySuffix, char cityNotBefore) {
    }

    private PlaceNames(Map<String, Place> places, Rules rules) {
        this.places = Map.copyOf(places);
        this.longest = places.keySet().stream().mapToInt(String::length).max().orElse(0);
        this.rules = rules;
    }

    static PlaceNames instance() {
        return INSTANCE;
    }

    /**
     * The province named in {@code department}, else in {@code implementer}, else (full names only)
     * in {@code title}; empty when none names a known place.
     */
    Optional<String> province(String department, String implementer, String title) {
        return find(department, false).or(() -> find(implementer, false)).or(() -> find(title, true));
    }

    /** The province of the leftmost (then longest) place name in {@code text}. */
    Optional<String> find(String text, boolean fullNamesOnly) {
        int start = leadingCode(text);
        for (int i = start; i < text.length(); i++) {
            for (int len = Math.min(longest, text.length() - i); len >= 2; len--) {
                String name = text.substring(i, i + len);
                Place p = places.get(name);
                if (p != null && (!fullNamesOnly || p.full()) && allowed(p, text, i, start, i + len)) {
                    return Optional.of(p.province());
                }
            }
        }
        return Optional.empty();
    }

    private boolean allowed(Place p, String text, int at, int textStart, int end) {
        if (text.charAt(end - 1) == rules.citySuffix() && end < text.length() && text.charAt(end) == rules.cityNotBefore()) {
            return false;
        }
        switch (p.where()) {
            case AT_START:
                return at == textStart;
            case AT_START_OR_AFTER_DIVISION:
                return at == textStart || rules.countyAfter().indexOf(text.charAt(at - 1)) >= 0
                        || !Character.isIdeographic(text.charAt(at - 1));
            default:
                return true;
        }
    }

    /** Departments start with a code (016山西省…); the text proper starts after it. */
    private static int leadingCode(String text) {
        int i = 0;
        while (i < text.length() && !Character.isIdeographic(text.charAt(i))) {
            i++;
        }
        return i == text.length() ? 0 : i;
    }

    private static Rules rules() {
        Properties p = PropertiesResource.load(RULES);
        for (String key : List.of("short.suffixes", "county.after", "city.suffix", "city.not.before")) {
            if (p.getProperty(key, "").isBlank()) {
                throw new IllegalStateException(RULES + " has no " + key);
            }
        }
        return new Rules(List.of(p.getProperty("short.suffixes").trim().split("\\s+")),
                p.getProperty("county.after").replaceAll("\\s+", ""), p.getProperty("city.suffix").trim().charAt(0),
                p.getProperty("city.not.before").trim().charAt(0));
    }

    private static PlaceNames load() {
        Rules rules = rules();
        Map<String, Place> places = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        try (InputStream in = PlaceNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + RESOURCE);
            }
            for (TsvResource.Line line : TsvResource.read(in, RESOURCE, HEADER)) {
                String kind = line.field(2);
                if (!(kind.equals("prefecture") || kind.equals("county"))) {
                    throw new IllegalStateException(RESOURCE + " line " + line.number()
                            + ": expected prefecture or county as the kind, got " + kind);
                }
                String province = line.field(0);
                add(places, ambiguous, province, new Place(province, Where.ANYWHERE, true));
                add(places, ambiguous, line.field(1), new Place(province, Where.ANYWHERE, false));
                boolean county = kind.equals("county");
                String names = line.field(3).trim();
                for (String entry : names.isEmpty() ? new String[0] : names.split("\\s+")) {
                    int eq = entry.indexOf('=');
                    String full = eq < 0 ? entry : entry.substring(0, eq);
                    Where where = county && full.length() <= 2 ? Where.AT_START_OR_AFTER_DIVISION : Where.ANYWHERE;
                    add(places, ambiguous, full, new Place(province, where, true));
                    String shortName = eq < 0 ? shortName(full, rules.shortSuffixes()) : entry.substring(eq + 1);
                    if (!county && shortName.length() >= 2) {
                        add(places, ambiguous, shortName, new Place(province, Where.AT_START, false));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        ambiguous.forEach(places::remove);
        return new PlaceNames(places, rules);
    }

    /** 忻州市 → 忻州, 大兴安岭地区 → 大兴安岭, 兴安盟 → 兴安; other names have no derived short form. */
    private static String shortName(String full, List<String> suffixes) {
        for (String suffix : suffixes) {
            if (full.endsWith(suffix)) {
                return full.substring(0, full.length() - suffix.length());
            }
        }
        return "";
    }

    /**
     * A name that two provinces share points nowhere; a name listed twice for one province keeps its
     * most permissive reading (吉林 is both the province's short name and its city's).
     */
    private static void add(Map<String, Place> places, Set<String> ambiguous, String name, Place place) {
        if (name.isEmpty()) {
            return;
        }
        Place before = places.get(name);
        if (before == null) {
            places.put(name, place);
        } else if (!before.province().equals(place.province())) {
            ambiguous.add(name);
        } else if (place.where().ordinal() < before.where().ordinal() || place.full() && !before.full()) {
            places.put(name, new Place(place.province(), place.where().ordinal() < before.where().ordinal()
                    ? place.where() : before.where(), place.full() || before.full()));
        }
    }
}
