/**
 * Normalization: one spelling for text, one vocabulary for headings, one reading for values.
 *
 * <p>Role: fold full-width and traditional text ({@link org.jixiao.internal.normalize.TextNormalizer}),
 * map headings to canonical {@link org.jixiao.internal.normalize.Field}s through the synonym dictionary
 * ({@link org.jixiao.internal.normalize.HeadingDictionary}, data in {@code headings.tsv}) and read target
 * and actual values into {@link org.jixiao.model.Measure}s ({@link org.jixiao.internal.normalize.MeasureParser}).
 * Input: a {@code Document} or strings. Output: the same document with normalized text, canonical
 * fields, measures. Allowed imports: {@code model}, the JDK, ICU4J (NFKC only at run time; the
 * transliterator and RBNF serve as test oracles). Chinese words live in the resource files beside
 * these classes, never in Java literals: {@code headings.tsv}, {@code measure-words.tsv},
 * {@code traditional-simplified.tsv}.
 *
 * <p>Internal to jixiao, not API: may change in any release (see {@link org.jixiao}).
 */
package org.jixiao.internal.normalize;
