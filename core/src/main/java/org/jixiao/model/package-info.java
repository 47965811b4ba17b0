/**
 * Immutable data shared by every stage of the pipeline.
 *
 * <p>Role: the vocabulary of jixiao. {@link org.jixiao.model.Document} is what readers produce,
 * {@link org.jixiao.model.ProjectRecord} what extractors produce, {@link org.jixiao.model.Finding}
 * what the scorer adds. Input: none. Output: Java records. Allowed imports: the JDK only; no
 * library type (POI, jsoup, ICU, commons-csv) may appear here.
 */
package org.jixiao.model;
