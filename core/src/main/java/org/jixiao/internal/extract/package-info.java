/**
 * Extraction: a normalized {@link org.jixiao.model.Document} in, one
 * {@link org.jixiao.model.ProjectRecord} per form out.
 *
 * <p>Role: locate every form in a document ({@code FormLocator}); give every column of an
 * indicator table a role from its header, one or two rows ({@code HeaderModel}, {@code ColumnRole});
 * read every row, from a grid or rebuilt from text ({@code FlatTable}), through one row grammar
 * ({@code RowGrammar}) that carries merged labels down and re-anchors rows whose cells drifted;
 * choose the template family that best explains the form ({@code Template}, resources under
 * {@code templates/}); give every value its {@link org.jixiao.model.SourceRef}
 * ({@link org.jixiao.internal.extract.FormExtractor}). Extractors never touch bytes and never compute
 * scores. Input: a document whose text went through {@code TextNormalizer}. Output:
 * {@code Result<ExtractedForms>}: the forms read and the failures of the forms of the same file
 * that could not be; {@code Failed} with {@code extract.no_form} or {@code extract.template_unmatched}
 * when no form could be read. A row that cannot be read costs only itself: it is left out with an
 * {@code indicator_row_unreadable} finding. Allowed imports: {@code model}, {@code normalize}, the
 * JDK.
 *
 * <p>Internal to jixiao, not API: may change in any release (see {@link org.jixiao}).
 */
package org.jixiao.internal.extract;
