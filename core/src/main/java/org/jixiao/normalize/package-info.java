/**
 * Normalization: one spelling for text, one vocabulary for headings, one reading for values.
 *
 * <p>Role: fold full-width and traditional text ({@link org.jixiao.normalize.TextNormalizer}),
 * map headings to canonical {@link org.jixiao.normalize.Field}s through the synonym dictionary
 * ({@link org.jixiao.normalize.HeadingDictionary}, data in {@code headings.tsv}) and read target
 * and actual values into {@link org.jixiao.model.Measure}s ({@link org.jixiao.normalize.MeasureParser}).
 * Input: a {@code Document} or strings. Output: the same document with normalized text, canonical
 * fields, measures. Allowed imports: {@code model}, the JDK, ICU4J (NFKC only at run time; the
 * transliterator and RBNF serve as test oracles). Chinese words live in the resource files beside
 * these classes, never in Java literals: {@code headings.tsv}, {@code measure-words.tsv},
 * {@code traditional-simplified.tsv}.
 */
package org.jixiao.normalize;
