/**
 * Readers: bytes of one file in, a format-blind {@link org.jixiao.model.Document} out.
 *
 * <p>Role: detect the format from the content (not the file name), decode it under limits and
 * turn library objects (POI, jsoup, PDFBox) into {@code model} types at once. Readers never interpret
 * the form: a merged Word cell, an HTML {@code rowspan} and an empty field of a tab-separated
 * export all become the same grid cell. Input: {@link org.jixiao.Source}. Output:
 * {@code Result<Document>}; a file that cannot be read faithfully is {@code Failed} with a
 * {@code read.*} code. Allowed imports: {@code model}, the JDK, POI, jsoup, ICU4J, PDFBox, Woodstox
 * and commons-compress (the zip and XML streams under POI's guards), log4j-api ({@link
 * org.jixiao.internal.read.Logging}: where POI's log lines go).
 *
 * <p>Internal to jixiao, not API: may change in any release (see {@link org.jixiao}).
 */
package org.jixiao.internal.read;
