package org.jixiao;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The scoring rules a form is checked against: the national rules of 财预〔2020〕10号 by default
 * ({@link #national()}), or a provincial variant built with {@link #builder()} or read from a file
 * with {@link #load(Path)}.
 *
 * <p>Numbers are compared with {@code compareTo}, never {@code equals}. Scores and rates are
 * rounded to 2 decimals with {@link #rounding()} only for display and comparison.
 *
 * <p>A profile file is {@link Properties} text in UTF-8; keys left out keep the national value.
 * Keys (all documented in the shipped {@code national.properties}):
 * <pre>
 * name=national               a label
 * budget.weight=10            budget-execution weight when the form writes none
 * grade.bands=90,80,60        lower bounds of 优, 良, 中 (inclusive), descending
 * reverse.formula=ratio       ratio (W x T/A) | linear (W x (1 - (A-T)/T), 0 from 2T)
 * tolerance=0.01              per figure
 * tolerance.sum.min=0.05      sums use tolerance x rows, at least this
 * qualitative.tiers=0.8,0.6   lower bounds of tiers 1 and 2, as fractions of the weight
 * cap.rate=true               cap the budget score at its weight
 * rounding=half_up            half_up | half_even | down
 * level1.weights=50,30,10     expected 产出 / 效益 / 满意度 weights
 * </pre>
 * An unknown key or a bad value is an {@link IllegalArgumentException} naming the file, the key
 * and the value (the CLI turns it into exit code 2).
 *
 * @param name             a label for reports ({@code national}, {@code shanxi-2020})
 * @param budgetWeight     W_b when the form writes no budget weight
 * @param gradeBands       three descending lower bounds for 优, 良, 中; below the last is 差
 * @param reverseFormula   how a reverse indicator over its limit is scored
 * @param tolerance        the gap between a reported and a recomputed figure still taken as rounding
 * @param sumToleranceMin  the least tolerance for a sum (a sum of n rows allows n x tolerance)
 * @param qualitativeTiers lower bounds of tier 1 and tier 2 as fractions of the weight, descending
 * @param capRate          true to score budget execution as W_b x min(rate, 1)
 * @param rounding         how figures are rounded to 2 decimals
 * @param level1Weights    the expected weights of 产出, 效益 and 满意度 indicators
 */
public record RuleProfile(String name, BigDecimal budgetWeight, List<BigDecimal> gradeBands,
                          ReverseFormula reverseFormula, BigDecimal tolerance, BigDecimal sumToleranceMin,
                          List<BigDecimal> qualitativeTiers, boolean capRate, RoundingMode rounding,
                          List<BigDecimal> level1Weights) {

    /** Decimals of every displayed or compared score and rate. */
    static final int SCALE = 2;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** How a reverse (less-is-better) indicator whose actual is over its limit is scored. */
    public enum ReverseFormula {
        /** W × T/A: the national text (DOMAIN §2.4). */
        RATIO,
        /** W × (1 − (A − T)/T) for T &lt; A &lt; 2T, 0 from A ≥ 2T: a vendor variant. */
        LINEAR
    }

    public RuleProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reverseFormula, "reverseFormula");
        Objects.requireNonNull(rounding, "rounding");
        requireNonNegative("budgetWeight", budgetWeight);
        requireNonNegative("tolerance", tolerance);
        requireNonNegative("sumToleranceMin", sumToleranceMin);
        gradeBands = List.copyOf(gradeBands);
        if (gradeBands.size() != 3 || !strictlyDescending(gradeBands)
                || gradeBands.get(2).signum() < 0 || gradeBands.get(0).compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException(
                    "gradeBands must be three descending bounds within 0..100, got " + gradeBands);
        }
        qualitativeTiers = List.copyOf(qualitativeTiers);
        if (qualitativeTiers.size() != 2 || !strictlyDescending(qualitativeTiers)
                || qualitativeTiers.get(1).signum() <= 0 || qualitativeTiers.get(0).compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException(
                    "qualitativeTiers must be two descending fractions between 0 and 1, got " + qualitativeTiers);
        }
        level1Weights = List.copyOf(level1Weights);
        if (level1Weights.size() != 3 || level1Weights.stream().anyMatch(w -> w.signum() < 0)) {
            throw new IllegalArgumentException(
                    "level1Weights must be three non-negative weights (output, benefit, satisfaction), got " + level1Weights);
        }
    }

    /** The national rules of 财预〔2020〕10号, as shipped in {@code national.properties}. */
    public static RuleProfile national() {
        return builder().build();
    }

    /** A builder starting from the national values. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a profile file: the national values, overridden by the keys the file sets.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException for an unknown key or a bad value (message names file, key, value)
     */
    public static RuleProfile load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        }
    }

    /**
     * A profile shipped with jixiao ({@code national}, {@code shanxi-2020}); empty for other names.
     */
    public static Optional<RuleProfile> builtIn(String name) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9-]+")) {
            return Optional.empty();
        }
        // Beside the API rather than the scorer: users copy these files to write their own.
        String resource = "/org/jixiao/profiles/" + name + ".properties";
        try (InputStream in = RuleProfile.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(read(new InputStreamReader(in, StandardCharsets.UTF_8), resource));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in profile " + resource, e);
        }
    }

    static RuleProfile read(Reader reader, String origin) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Builder builder = builder();
        // Sorted so that the first bad key reported does not depend on hash order.
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            builder.set(key, properties.getProperty(key).strip(), origin);
        }
        return builder.build();
    }

    /** Rounds a figure to 2 decimals with {@link #rounding()}. */
    public BigDecimal round(BigDecimal value) {
        return value.setScale(SCALE, rounding);
    }

    /** The figure as written to {@code findings.csv}'s {@code computed} column: rounded, plain. */
    public String display(BigDecimal value) {
        return round(value).toPlainString();
    }

    /** The tolerance for a sum over {@code rows} figures: {@code tolerance × rows}, at least {@link #sumToleranceMin()}. */
    public BigDecimal sumTolerance(int rows) {
        return tolerance.multiply(BigDecimal.valueOf(rows)).max(sumToleranceMin);
    }

    private static boolean strictlyDescending(List<BigDecimal> values) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i).compareTo(values.get(i - 1)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static void requireNonNegative(String what, BigDecimal value) {
        Objects.requireNonNull(value, what);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + value.toPlainString());
        }
    }

    /** Builds a {@link RuleProfile}; starts from the national values. Not thread-safe. */
    public static final class Builder {
        static final Set<String> KEYS = Set.of("name", "budget.weight", "grade.bands", "reverse.formula",
                "tolerance", "tolerance.sum.min", "qualitative.tiers", "cap.rate", "rounding", "level1.weights");

        private String name = "national";
        private BigDecimal budgetWeight = new BigDecimal("10");
        private List<BigDecimal> gradeBands = List.of(new BigDecimal("90"), new BigDecimal("80"), new BigDecimal("60"));
        private ReverseFormula reverseFormula = ReverseFormula.RATIO;
        private BigDecimal tolerance = new BigDecimal("0.01");
        private BigDecimal sumToleranceMin = new BigDecimal("0.05");
        private List<BigDecimal> qualitativeTiers = List.of(new BigDecimal("0.8"), new BigDecimal("0.6"));
        private boolean capRate = true;
        private RoundingMode rounding = RoundingMode.HALF_UP;
        private List<BigDecimal> level1Weights = List.of(new BigDecimal("50"), new BigDecimal("30"), new BigDecimal("10"));

        private Builder() {
        }

        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        public Builder budgetWeight(BigDecimal value) {
            this.budgetWeight = Objects.requireNonNull(value, "budgetWeight");
            return this;
        }

        /** Lower bounds of 优, 良 and 中, descending ({@code 90, 80, 60}). */
        public Builder gradeBands(BigDecimal excellent, BigDecimal good, BigDecimal fair) {
            this.gradeBands = List.of(excellent, good, fair);
            return this;
        }

        public Builder reverseFormula(ReverseFormula value) {
            this.reverseFormula = Objects.requireNonNull(value, "reverseFormula");
            return this;
        }

        public Builder tolerance(BigDecimal value) {
            this.tolerance = Objects.requireNonNull(value, "tolerance");
            return this;
        }

        public Builder sumToleranceMin(BigDecimal value) {
            this.sumToleranceMin = Objects.requireNonNull(value, "sumToleranceMin");
            return this;
        }

        /** Lower bounds of tier 1 and tier 2 as fractions of the weight ({@code 0.8, 0.6}). */
        public Builder qualitativeTiers(BigDecimal tier1, BigDecimal tier2) {
            this.qualitativeTiers = List.of(tier1, tier2);
            return this;
        }

        public Builder capRate(boolean value) {
            this.capRate = value;
            return this;
        }

        public Builder rounding(RoundingMode value) {
            this.rounding = Objects.requireNonNull(value, "rounding");
            return this;
        }

        /** Expected weights of 产出, 效益 and 满意度 indicators ({@code 50, 30, 10}). */
        public Builder level1Weights(BigDecimal output, BigDecimal benefit, BigDecimal satisfaction) {
            this.level1Weights = List.of(output, benefit, satisfaction);
            return this;
        }

        /** @throws IllegalArgumentException if the values break a {@link RuleProfile} invariant */
        public RuleProfile build() {
            return new RuleProfile(name, budgetWeight, gradeBands, reverseFormula, tolerance, sumToleranceMin,
                    qualitativeTiers, capRate, rounding, level1Weights);
        }

        /** Sets one key of a profile file; the value is checked here so the error can name it. */
        void set(String key, String value, String origin) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "profile %s: unknown key '%s'; known keys are %s".formatted(origin, key, new TreeSet<>(KEYS)));
            }
            try {
                switch (key) {
                    case "name" -> name(value);
                    case "budget.weight" -> budgetWeight(number(value));
                    case "grade.bands" -> {
                        List<BigDecimal> v = numbers(value, 3);
                        gradeBands(v.get(0), v.get(1), v.get(2));
                    }
                    case "reverse.formula" -> reverseFormula(choice(value, ReverseFormula.class));
                    case "tolerance" -> tolerance(number(value));
                    case "tolerance.sum.min" -> sumToleranceMin(number(value));
                    case "qualitative.tiers" -> {
                        List<BigDecimal> v = numbers(value, 2);
                        qualitativeTiers(v.get(0), v.get(1));
                    }
                    case "cap.rate" -> capRate(bool(value));
                    case "rounding" -> rounding(rounding(value));
                    case "level1.weights" -> {
                        List<BigDecimal> v = numbers(value, 3);
                        level1Weights(v.get(0), v.get(1), v.get(2));
                    }
                    default -> throw new IllegalStateException("key listed but not handled: " + key);
                }
                // Check the invariants now, so a bad value is reported with its key.
                build();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("profile %s: bad value for '%s': '%s' (%s)"
                        .formatted(origin, key, value, e.getMessage()), e);
            }
        }

        private static BigDecimal number(String value) {
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number", e);
            }
        }

        private static List<BigDecimal> numbers(String value, int count) {
            String[] parts = value.split(",", -1);
            if (parts.length != count) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "expected %d comma-separated numbers",
                        count));
            }
            List<BigDecimal> out = new ArrayList<>();
            for (String part : parts) {
                out.add(number(part.strip()));
            }
            return out;
        }

        private static boolean bool(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("expected true or false");
            };
        }

        private static RoundingMode rounding(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "half_up" -> RoundingMode.HALF_UP;
                case "half_even" -> RoundingMode.HALF_EVEN;
                case "down" -> RoundingMode.DOWN;
                default -> throw new IllegalArgumentException("expected half_up, half_even or down");
            };
        }

        private static <E extends Enum<E>> E choice(String value, Class<E> type) {
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expected one of " + List.of(type.getEnumConstants())
                        .toString().toLowerCase(Locale.ROOT), e);
            }
        }
    }
}
