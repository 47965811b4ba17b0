/**
 * Writers: assessed records and failures in, files out.
 *
 * <p>Role: write the output contract of DESIGN.md ({@code projects.csv}, {@code indicators.csv},
 * {@code funds.csv}, {@code findings.csv}, {@code errors.csv}) with commons-csv, and the optional
 * workbook {@code jixiao.xlsx} with POI's streaming writer, and the HTML audit report
 * ({@link org.jixiao.internal.write.ReportSink}); both aggregate the same rendered rows through
 * {@link org.jixiao.internal.write.AuditFigures}, so their figures equal the CSV files. The analysts' columns
 * derived from a record's text (region from {@code places.tsv}, department code) are computed here,
 * and {@link org.jixiao.internal.write.CopyLinks} links copies of a file ({@code duplicate_of}). {@link org.jixiao.internal.write.Rows} renders a
 * record into {@link org.jixiao.internal.write.TableRow}s once; every sink writes those same strings, so a
 * batch can spool rows and write identical files later. Every file is written to a temporary file
 * and moved into place only when complete, so an interrupted run never leaves a partial output.
 * Computed figures are rounded to 2 decimals here and only here, with the rounding mode the
 * {@link org.jixiao.model.Assessment} carries from the rule profile (HALF_UP by default); reported figures are
 * written as the form wrote them. Input: {@link org.jixiao.model.AssessedRecord}s and
 * {@link org.jixiao.model.Failure}s. Allowed imports: {@code model}, the JDK, commons-csv, POI
 * (workbook only).
 *
 * <p>Internal to jixiao, not API: may change in any release (see {@link org.jixiao}).
 */
package org.jixiao.internal.write;
