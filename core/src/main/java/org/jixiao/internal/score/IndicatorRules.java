package org.jixiao.internal.score;

import org.jixiao.RuleProfile;
import org.jixiao.internal.normalize.Field;
import org.jixiao.internal.normalize.HeadingDictionary;
import org.jixiao.internal.normalize.MeasureParser;
import org.jixiao.model.FindingCode;
import org.jixiao.model.Indicator;
import org.jixiao.model.Measure;
import org.jixiao.model.Severity;
import org.jixiao.model.Sourced;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.jixiao.model.Measure.Kind.DATE;
import static org.jixiao.model.Measure.Kind.EMPTY;
import static org.jixiao.model.Measure.Kind.FORMULA;
import static org.jixiao.model.Measure.Kind.NUMBER;
import static org.jixiao.model.Measure.Kind.PERCENT;
import static org.jixiao.model.Measure.Kind.QUALITATIVE;
import static org.jixiao.model.Measure.Kind.QUANTITY;
import static org.jixiao.model.Measure.Kind.RELATIVE;
import static org.jixiao.model.Measure.Kind.TEXT;

/**
 * Chooses and applies the scoring rule of one indicator (DOMAIN.md §2.2–2.7). W is the weight,
 * T the target (the adjusted one where written), A the actual.
 *
 * <table>
 * <caption>rule ids, in the order they are tried</caption>
 * <tr><td>{@code completion_reported}</td><td>a 完成率 column c is written: W × min(c/100, 1); c is checked against
 *     the uncapped achievement A/T × 100 (T/A × 100 for a reverse rule), also accepted capped at 100 (§2.6)</td></tr>
 * <tr><td>{@code unscorable: actual missing}</td><td>A is empty</td></tr>
 * <tr><td>{@code completion}</td><td>A is a bare N% while T has a non-percent unit, is a word, a date, a
 *     formula, relative or text: W × min(N/100, 1) (明显 vs 50%, W 11.25 → 5.625)</td></tr>
 * <tr><td>{@code qualitative: tier k [lo, hi]}</td><td>A is a word: the score must lie in the tier's range
 *     (tier 1 [0.8W, W], tier 2 [0.6W, 0.8W], tier 3 [0, 0.6W] by default); the recomputed score is the
 *     reported one where it fits, else the nearer bound, so a mismatch means "outside the range"</td></tr>
 * <tr><td>{@code date}</td><td>T and A are dates: W if A is on or before T, else 0</td></tr>
 * <tr><td>{@code positive}</td><td>≥, &gt;, = or none: W × min(A/T, 1) (90% vs ≥95% → W × 90/95); a target of 0
 *     is met (W) or not (0): {@code 0} and {@code =0} only by 0, {@code ≥0} by any actual, {@code >0} by more than 0</td></tr>
 * <tr><td>{@code reverse} / {@code reverse_linear}</td><td>≤, &lt;, a 成本指标 without comparator, or a
 *     时效指标 limit in time units: W if A ≤ T, else W × T/A (linear: W × (1 − (A−T)/T), 0 from 2T)</td></tr>
 * <tr><td>{@code unscorable: <reason>}</td><td>target relative/formula/text, units that do not match, …</td></tr>
 * </table>
 * Rules scored against an adjusted target carry {@code ": adjusted target"} ({@code positive: adjusted target}).
 * A bare number and a percentage count as the same unit (002: target {@code 90}, actual {@code 90%}), and
 * a bare number takes the other side's unit ({@code 10} vs {@code 6次}); 元 and 万元 convert.
 *
 * <p>Thread-safe: holds only immutable configuration.
 */
final class IndicatorRules {

    private static final String UNSCORABLE = "unscorable";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /**
     * 16 significant digits, far beyond the 2 decimals written: a quotient of that size stays a
     * compact long inside BigDecimal, where DECIMAL128's 34 digits made every exact quotient (1284 /
     * 2400 = 0.535) strip 31 trailing zeros one BigInteger division at a time, ten times slower.
     */
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final Pattern PERCENT_TEXT = Pattern.compile("\\s*([+-]?\\d+(?:\\.\\d+)?)\\s*%?\\s*");
    /** Targets against which a bare N% actual is a completion rate (§2.6). */
    private static final Set<Measure.Kind> COMPLETION_TARGETS = EnumSet.of(QUANTITY, QUALITATIVE, DATE, FORMULA,
            RELATIVE, TEXT);

    /**
     * What a rule made of an indicator.
     *
     * @param score      the recomputed score, unrounded; empty when no rule applies
     * @param rule       the rule id, or {@code unscorable: <reason>}
     * @param completion the completion percentage used, if any
     * @param achieved   the achievement percentage before any cap at 100 (A/T × 100 for 120个 against 100个
     *                   gives 120, while completion is 100); the same as completion where no cap applies
     * @param working    how the score was reached, for messages ({@code 1 × min(1284 / 2400, 1)});
     *                   rendered only when a finding quotes it, as most indicators raise none and
     *                   rendering every one (formatting, stripping BigDecimal zeros) cost a tenth of scoring
     */
    record Outcome(Optional<BigDecimal> score, String rule, Optional<BigDecimal> completion,
                   Optional<BigDecimal> achieved, Supplier<String> working) {

        /** An outcome whose completion is not capped, so it is also the achievement. */
        Outcome(Optional<BigDecimal> score, String rule, Optional<BigDecimal> completion, Supplier<String> working) {
            this(score, rule, completion, completion, working);
        }

        boolean qualitative() {
            return rule.startsWith("qualitative");
        }

        /** How the score was reached, rendered now. */
        String workingText() {
            return working.get();
        }

        static Outcome unscorable(String reason) {
            return new Outcome(Optional.empty(), UNSCORABLE + ": " + reason, Optional.empty(), () -> "");
        }
    }

    private record Values(BigDecimal target, BigDecimal actual) {
    }

    private final RuleProfile profile;
    private final HeadingDictionary dictionary;
    private final Vocabulary vocabulary;

    IndicatorRules(RuleProfile profile, HeadingDictionary dictionary, Vocabulary vocabulary) {
        this.profile = profile;
        this.dictionary = dictionary;
        this.vocabulary = vocabulary;
    }

    /**
     * Scores {@code indicator}, adding the findings about its values (not about its reported score).
     *
     * @param weightColumn false when no indicator of the form states a weight (a template that
     *                     scores its rows without a 分值 column): the form says so once, not each row
     */
    Outcome assess(Indicator indicator, boolean weightColumn, Findings out) {
        String at = field(indicator);
        if (indicator.weight().isEmpty() && !weightColumn) {
            return Outcome.unscorable("weight missing");
        }
        if (indicator.weight().isEmpty()) {
            out.add(FindingCode.MISSING_FIELD, Severity.WARNING, at + ".weight", "", "",
                    String.format(Locale.ROOT, "indicator %d '%s' has no weight (%s), so its score cannot be checked",
                            indicator.index(), indicator.level3(), vocabulary.heading(Field.WEIGHT)),
                    Optional.of(indicator.source()));
            return Outcome.unscorable("weight missing");
        }
        BigDecimal weight = indicator.weight().get().value();
        Optional<BigDecimal> written = indicator.completionRateReported().flatMap(s -> percentOf(s.value()));
        if (written.isPresent()) {
            return completionReported(indicator, weight, written.get(), out);
        }
        return byValues(indicator, weight, out);
    }

    static String field(Indicator indicator) {
        return "indicators[" + indicator.index() + "]";
    }

    private Outcome completionReported(Indicator indicator, BigDecimal weight, BigDecimal rate, Findings out) {
        BigDecimal fraction = clamp01(rate.divide(HUNDRED, MC));
        Outcome outcome = new Outcome(Optional.of(weight.multiply(fraction)), "completion_reported",
                Optional.of(rate), () -> "%s × min(%s%%, 100%%) (%s column)".formatted(plain(weight), plain(rate),
                vocabulary.heading(Field.COMPLETION_RATE)));
        // The values' own findings (missing actual, …) do not matter when the form states the rate.
        Outcome implied = byValues(indicator, weight, new Findings());
        Optional<BigDecimal> achieved = implied.achieved();
        if (achieved.isPresent()) {
            // §2.6 checks 完成率 against A/T: a form may write the ratio as it is (120% for 120 against 100)
            // or capped as it is scored (100%); only the score is capped (§2.3).
            BigDecimal expected = achieved.get();
            BigDecimal capped = expected.min(HUNDRED);
            if (!agrees(rate, expected) && !agrees(rate, capped)) {
                Sourced<String> text = indicator.completionRateReported().orElseThrow();
                String cap = capped.compareTo(expected) == 0 ? ""
                        : ", %s%% when capped".formatted(profile.display(capped));
                out.add(FindingCode.COMPLETION_RATE_MISMATCH, Severity.WARNING, field(indicator) + ".completion_rate",
                        text.value(), profile.display(expected),
                        String.format(Locale.ROOT, "indicator %d '%s': the %s column says '%s' but actual '%s' against target '%s' gives %s%%%s (%s)",
                                indicator.index(), indicator.level3(),
                                        vocabulary.heading(Field.COMPLETION_RATE), text.value(),
                                        indicator.actualMeasure().raw(), targetOf(indicator).raw(),
                                        profile.display(expected), cap, implied.workingText()),
                        Optional.of(text.source()));
            }
        }
        return outcome;
    }

    private boolean agrees(BigDecimal reported, BigDecimal computed) {
        return Agreement.of(reported, computed, profile.tolerance(), profile) == Agreement.EXACT;
    }

    private Outcome byValues(Indicator indicator, BigDecimal weight, Findings out) {
        String at = field(indicator);
        Measure actual = indicator.actualMeasure();
        Measure target = targetOf(indicator);
        // Decided by what the form holds, as targetOf decides: never by the identity of a parsed Measure.
        boolean adjusted = indicator.adjustedTarget().isPresent() && indicator.adjustedTargetMeasure().kind() != EMPTY;
        if (actual.kind() == EMPTY) {
            out.add(FindingCode.ACTUAL_MISSING, Severity.WARNING, at + ".actual",
                    indicator.scoreReported().map(s -> plain(s.value())).orElse(""), "",
                    String.format(Locale.ROOT, "indicator %d '%s' has no actual value (%s); its reported score is kept unchecked",
                            indicator.index(), indicator.level3(), vocabulary.heading(Field.ACTUAL)),
                    Optional.of(indicator.actual().map(Sourced::source).orElse(indicator.source())));
            return Outcome.unscorable("actual missing");
        }
        if (target.kind() == EMPTY) {
            out.add(FindingCode.MISSING_FIELD, Severity.WARNING, at + ".target", "", "",
                    String.format(Locale.ROOT, "indicator %d '%s' has no target (%s); its reported score is kept unchecked",
                            indicator.index(), indicator.level3(), vocabulary.heading(Field.TARGET)),
                    Optional.of(indicator.source()));
            return Outcome.unscorable("target missing");
        }
        Measure.Kind t = target.kind();
        Measure.Kind a = actual.kind();
        if (a == PERCENT && actual.comparator().isEmpty() && COMPLETION_TARGETS.contains(t)) {
            return completion(weight, actual.value().orElseThrow(), adjusted);
        }
        if (a == QUALITATIVE) {
            return qualitative(indicator, weight, target, actual, out);
        }
        if (t == DATE && a == DATE && target.deadline().isPresent() && actual.deadline().isPresent()) {
            boolean onTime = !actual.deadline().get().isAfter(target.deadline().get());
            return new Outcome(Optional.of(onTime ? weight : BigDecimal.ZERO), withAdjusted("date", adjusted),
                    Optional.of(onTime ? HUNDRED : BigDecimal.ZERO),
                    () -> "done %s, deadline %s".formatted(actual.deadline().get(), target.deadline().get()));
        }
        if (t == RELATIVE || t == FORMULA || t == TEXT) {
            out.add(FindingCode.TARGET_NOT_COMPUTABLE, Severity.INFO, at + ".target", target.raw(), "",
                    String.format(Locale.ROOT, "indicator %d '%s': target '%s' is %s, so the score cannot be recomputed from actual '%s'; the reported score is kept",
                            indicator.index(), indicator.level3(), target.raw(), describe(t), actual.raw()),
                    Optional.of(sourceOfTarget(indicator, adjusted)));
            return Outcome.unscorable("target " + describe(t));
        }
        Optional<Values> values = comparable(target, actual);
        if (values.isEmpty()) {
            out.add(FindingCode.UNITS_NOT_COMPARABLE, Severity.INFO, at + ".actual", actual.raw(), "",
                    String.format(Locale.ROOT, "indicator %d '%s': actual '%s' cannot be compared with target '%s' (different units or kinds); the reported score is kept",
                            indicator.index(), indicator.level3(), actual.raw(), target.raw()),
                    Optional.of(indicator.actual().map(Sourced::source).orElse(indicator.source())));
            return Outcome.unscorable("units differ");
        }
        if (isReverse(indicator, target)) {
            return reverse(indicator, weight, values.get(), adjusted, out);
        }
        return positive(indicator, weight, target, values.get(), adjusted, out);
    }

    private Outcome completion(BigDecimal weight, BigDecimal rate, boolean adjusted) {
        return new Outcome(Optional.of(weight.multiply(clamp01(rate.divide(HUNDRED, MC)))),
                withAdjusted("completion", adjusted), Optional.of(rate),
                () -> "%s × min(%s%%, 100%%)".formatted(plain(weight), plain(rate)));
    }

    private Outcome qualitative(Indicator indicator, BigDecimal weight, Measure target, Measure actual, Findings out) {
        // 明显 → 明显: the actual repeats the target word, which is achievement (§2.5).
        Optional<Integer> tier = actual.raw().equals(target.raw()) ? Optional.of(1) : actual.tier();
        if (tier.isEmpty()) {
            out.add(FindingCode.UNITS_NOT_COMPARABLE, Severity.INFO, field(indicator) + ".actual", actual.raw(), "",
                    String.format(Locale.ROOT, "indicator %d '%s': actual '%s' is a word of no known tier; the reported score is kept",
                            indicator.index(), indicator.level3(), actual.raw()),
                    Optional.of(indicator.actual().map(Sourced::source).orElse(indicator.source())));
            return Outcome.unscorable("qualitative tier unknown");
        }
        BigDecimal tier1 = profile.qualitativeTiers().get(0);
        BigDecimal tier2 = profile.qualitativeTiers().get(1);
        BigDecimal low;
        BigDecimal high;
        switch (tier.get()) {
            case 1 -> {
                low = weight.multiply(tier1);
                high = weight;
            }
            case 2 -> {
                low = weight.multiply(tier2);
                high = weight.multiply(tier1);
            }
            default -> {
                low = BigDecimal.ZERO;
                high = weight.multiply(tier2);
            }
        }
        // The form does not fix r inside a tier (§2.5): the check is a range. Bounds are compared
        // inclusively, as a score on a boundary fits the tiers on both sides.
        // Concatenation, not String.format: this runs for every qualitative indicator.
        String rule = "qualitative: tier " + tier.get() + " [" + profile.display(low) + ", "
                + profile.display(high) + "]";
        Optional<BigDecimal> score = indicator.scoreReported().map(Sourced::value)
                .map(r -> r.max(low).min(high));
        return new Outcome(score, rule, Optional.empty(),
                () -> String.format(Locale.ROOT, "'%s' is tier %d, allowing %s to %s", actual.raw(), tier.get(),
                        profile.display(low), profile.display(high)));
    }

    private Outcome positive(Indicator indicator, BigDecimal weight, Measure target, Values v, boolean adjusted,
                             Findings out) {
        String rule = withAdjusted("positive", adjusted);
        BigDecimal t = v.target();
        BigDecimal a = v.actual();
        if (a.signum() < 0) {
            return new Outcome(Optional.of(BigDecimal.ZERO), rule, Optional.of(BigDecimal.ZERO),
                    () -> "a negative actual scores 0");
        }
        if (t.signum() <= 0) {
            // No ratio A/T exists, so the target is met or not. "= 0" is met only by 0 (vendor rule,
            // §2.3), and so is a bare 0: a target written 0次 / 0起 is a zero-incident limit, not "at
            // least 0". "≥ 0" is met by any actual (a negative one scored 0 above), "> 0" by more than 0.
            org.jixiao.model.Comparator c = target.comparator().orElse(org.jixiao.model.Comparator.EQ);
            boolean met = switch (c) {
                case GE -> a.compareTo(t) >= 0;
                case GT -> a.compareTo(t) > 0;
                default -> a.compareTo(t) == 0;
            };
            return new Outcome(Optional.of(met ? weight : BigDecimal.ZERO), rule,
                    Optional.of(met ? HUNDRED : BigDecimal.ZERO),
                    () -> "target %s is %s".formatted(plain(t), met ? "met" : "not met"));
        }
        BigDecimal ratio = a.divide(t, MC);
        BigDecimal fraction = ratio.min(BigDecimal.ONE);
        if (a.compareTo(t.multiply(BigDecimal.valueOf(2))) >= 0) {
            out.add(FindingCode.OVER_ACHIEVEMENT, Severity.INFO, field(indicator) + ".actual",
                    indicator.actualMeasure().raw(), "",
                    String.format(Locale.ROOT, "indicator %d '%s': actual '%s' is at least twice target '%s'; the target may have been set too low",
                            indicator.index(), indicator.level3(), indicator.actualMeasure().raw(),
                                    targetOf(indicator).raw()),
                    Optional.of(indicator.actual().map(Sourced::source).orElse(indicator.source())));
        }
        return new Outcome(Optional.of(weight.multiply(fraction)), rule,
                Optional.of(fraction.multiply(HUNDRED)), Optional.of(ratio.multiply(HUNDRED)),
                () -> "%s × min(%s / %s, 1)".formatted(plain(weight), plain(a), plain(t)));
    }

    private Outcome reverse(Indicator indicator, BigDecimal weight, Values v, boolean adjusted, Findings out) {
        boolean linear = profile.reverseFormula() == RuleProfile.ReverseFormula.LINEAR;
        String rule = withAdjusted(linear ? "reverse_linear" : "reverse", adjusted);
        BigDecimal t = v.target();
        BigDecimal a = v.actual();
        if (a.compareTo(t) <= 0) {
            // Under the limit the achievement is above 100% by the rule's own measure (12小时 limit,
            // 10小时 actual: T/A = 120%), which a 完成率 column may write; the score is capped.
            return new Outcome(Optional.of(weight), rule, Optional.of(HUNDRED), Optional.of(reverseAchieved(t, a)),
                    () -> "%s within limit %s, full %s".formatted(plain(a), plain(t), plain(weight)));
        }
        BigDecimal fraction;
        Supplier<String> working;
        if (t.signum() <= 0) {
            fraction = BigDecimal.ZERO;
            working = () -> "limit %s exceeded".formatted(plain(t));
        } else if (linear) {
            fraction = clamp01(BigDecimal.ONE.subtract(a.subtract(t).divide(t, MC)));
            working = () -> "%s × (1 − (%s − %s) / %s)".formatted(plain(weight), plain(a), plain(t), plain(t));
        } else {
            fraction = t.divide(a, MC);
            working = () -> "%s × %s / %s".formatted(plain(weight), plain(t), plain(a));
        }
        indicator.scoreReported().ifPresent(reported -> {
            if (reported.value().compareTo(weight.subtract(profile.tolerance())) >= 0) {
                out.add(FindingCode.COST_OVERRUN_FULL_SCORE, Severity.WARNING, field(indicator) + ".score",
                        plain(reported.value()), profile.display(weight.multiply(fraction)),
                        String.format(Locale.ROOT, "indicator %d '%s' is less-is-better with limit '%s', actual '%s' is over it, yet it scores the full %s",
                                indicator.index(), indicator.level3(), targetOf(indicator).raw(),
                                        indicator.actualMeasure().raw(), plain(weight)),
                        Optional.of(reported.source()));
            }
        });
        return new Outcome(Optional.of(weight.multiply(fraction)), rule, Optional.of(fraction.multiply(HUNDRED)),
                working);
    }

    /**
     * The achievement of a reverse indicator within its limit, uncapped: T/A × 100, whichever the
     * reverse formula (the linear one of §2.4 only says how a score falls beyond the limit, T &lt; A
     * &lt; 2T). With T or A at 0 there is no finite ratio, so it is the capped 100.
     */
    private static BigDecimal reverseAchieved(BigDecimal t, BigDecimal a) {
        if (t.signum() <= 0 || a.signum() <= 0) {
            return HUNDRED;
        }
        return t.divide(a, MC).multiply(HUNDRED);
    }

    /** Less is better: ≤ or &lt;; a 成本指标 without comparator; a 时效指标 limit in time units. */
    private boolean isReverse(Indicator indicator, Measure target) {
        if (target.comparator().isPresent()) {
            return target.comparator().get().isReverse();
        }
        Optional<Field> level2 = dictionary.lookup(indicator.level2());
        if (level2.filter(f -> f == Field.LEVEL2_COST).isPresent()) {
            return true;
        }
        return level2.filter(f -> f == Field.LEVEL2_TIMELINESS).isPresent() && vocabulary.isTimeUnit(target.unit());
    }

    /** The target to score against: the adjusted one where it is written and readable (§2.2). */
    static Measure targetOf(Indicator indicator) {
        Measure effective = indicator.effectiveTarget();
        return effective.kind() == EMPTY ? indicator.targetMeasure() : effective;
    }

    private static org.jixiao.model.SourceRef sourceOfTarget(Indicator indicator, boolean adjusted) {
        Optional<Sourced<String>> cell = adjusted ? indicator.adjustedTarget() : indicator.target();
        return cell.map(Sourced::source).orElse(indicator.source());
    }

    /** Target and actual as numbers in one unit, or empty if their units do not match. */
    private Optional<Values> comparable(Measure target, Measure actual) {
        if (target.value().isEmpty() || actual.value().isEmpty()) {
            return Optional.empty();
        }
        BigDecimal t = target.value().get();
        BigDecimal a = actual.value().get();
        Measure.Kind tk = target.kind();
        Measure.Kind ak = actual.kind();
        Set<Measure.Kind> numeric = EnumSet.of(NUMBER, PERCENT, QUANTITY);
        if (!numeric.contains(tk) || !numeric.contains(ak)) {
            return Optional.empty();
        }
        // A bare number takes the other side's unit (002: 90 vs 90%; 10 vs 6次).
        if (tk == NUMBER || ak == NUMBER || (tk == PERCENT && ak == PERCENT)) {
            return Optional.of(new Values(t, a));
        }
        if (tk == QUANTITY && ak == QUANTITY) {
            Optional<Scaled> ts = scaled(target.unit());
            Optional<Scaled> as = scaled(actual.unit());
            if (ts.isPresent() && as.isPresent() && ts.get().base().equals(as.get().base())) {
                return Optional.of(new Values(t.multiply(ts.get().factor()), a.multiply(as.get().factor())));
            }
        }
        return Optional.empty();
    }

    private record Scaled(String base, BigDecimal factor) {
    }

    /** {@code 万元/个} → base {@code money/个} with factor 10000 (元/个: 1); other units → themselves, factor 1. */
    private Optional<Scaled> scaled(String unit) {
        String u = unit.strip().replace(" ", "");
        if (u.isEmpty()) {
            return Optional.empty();
        }
        int slash = u.indexOf('/');
        String numerator = slash < 0 ? u : u.substring(0, slash);
        String rest = slash < 0 ? "" : u.substring(slash);
        // Money units (元, 千元, 万元, 亿元) as multiples of 元, from the normalizer's own money table, so
        // messages quote amounts in 元 as most cost targets write them (500元/个, not 0.05万元/个).
        Optional<BigDecimal> money = MeasureParser.toWanYuan(BigDecimal.ONE, numerator).map(f -> f.movePointRight(4));
        return Optional.of(money.map(f -> new Scaled("money" + rest, f)).orElse(new Scaled(u, BigDecimal.ONE)));
    }

    /** A 完成率 cell as a percentage: {@code 100.00%} → 100.00, {@code 95} → 95; empty if unreadable. */
    static Optional<BigDecimal> percentOf(String text) {
        Matcher m = PERCENT_TEXT.matcher(text);
        return m.matches() ? Optional.of(new BigDecimal(m.group(1))) : Optional.empty();
    }

    private static String describe(Measure.Kind kind) {
        return switch (kind) {
            case RELATIVE -> "relative to last year";
            case FORMULA -> "a formula of other figures";
            default -> "text without a readable value";
        };
    }

    private static String withAdjusted(String rule, boolean adjusted) {
        return adjusted ? rule + ": adjusted target" : rule;
    }

    private static BigDecimal clamp01(BigDecimal fraction) {
        return fraction.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    }

    /** A reported or intermediate number as a person writes it: 7.3, 1250, 0.5. */
    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
