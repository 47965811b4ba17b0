/**
 * Readers: bytes of one file in, a format-blind {@link org.jixiao.model.Document} out.
 *
 * <p>Role: detect the format from the content (not the file name), decode it under limits and
 * turn library objects (POI, jsoup, PDFBox) into {@code model} types at once. Readers never interpret
 * the form: a merged Word cell, an HTML {@code rowspan} and an empty field of a tab-separated
 * export all become the same grid cell. Input: {@link org.jixiao.read.Source}. Output:
 * {@code Result<Document>}; a file that cannot be read faithfully is {@code Failed} with a
 * {@code read.*} code. Allowed imports: {@code model}, the JDK, POI, jsoup, ICU4J, PDFBox, Woodstox
 * and commons-compress (the zip and XML streams under POI's guards).
 */
package org.jixiao.read;
