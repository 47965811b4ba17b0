/**
 * Scoring: recompute every figure of a form under a rule profile and audit the form against itself.
 *
 * <p>Role: {@link org.jixiao.RuleProfile} holds the rules (national 财预〔2020〕10号 by default,
 * provincial variants from a properties file); {@link org.jixiao.internal.score.Scorer} recomputes the execution
 * rate, budget score, each indicator's score (recording the rule used), the weight sum, the total and
 * the grade, and raises {@link org.jixiao.model.Finding}s with the codes of
 * {@link org.jixiao.model.FindingCode}. Input: a {@link org.jixiao.model.ProjectRecord}. Output: an
 * {@link org.jixiao.model.Assessment} with unrounded figures. Allowed imports: {@code model}, the
 * heading vocabulary of {@code normalize} ({@code HeadingDictionary}, {@code Field}) and its money
 * table ({@code MeasureParser.toWanYuan}), the JDK. The
 * scorer never parses form text beyond a completion-rate or prose number; Chinese words (grade
 * labels, units) live in {@code vocabulary.properties} beside these classes.
 *
 * <p>Internal to jixiao, not API: may change in any release (see {@link org.jixiao}).
 */
package org.jixiao.internal.score;
