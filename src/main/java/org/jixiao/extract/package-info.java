/**
 * Extraction: a normalized {@link org.jixiao.model.Document} in, one
 * {@link org.jixiao.model.ProjectRecord} per form out.
 *
 * <p>Role: locate every form in a document ({@link org.jixiao.extract.FormLocator}), map table
 * columns to canonical fields through the heading dictionary, carry merged labels down, re-anchor
 * rows whose cells drifted, and give every value its {@link org.jixiao.model.SourceRef}
 * ({@link org.jixiao.extract.FormExtractor}). Extractors never touch bytes and never compute
 * scores. Input: a document whose text went through {@code TextNormalizer}. Output:
 * {@code Result<List<ProjectRecord>>}; {@code Failed} with an {@code extract.*} code when no form
 * is found or a form cannot be read faithfully. Allowed imports: {@code model}, {@code normalize},
 * the JDK.
 */
package org.jixiao.extract;
