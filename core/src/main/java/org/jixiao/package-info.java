/**
 * jixiao's API: read 项目支出绩效自评表 forms into records, recompute their scores, write the tables.
 *
 * <p>The API is this package and {@link org.jixiao.model}:
 * <ul>
 *   <li>{@link org.jixiao.Jixiao}: the pipeline (read, normalize, extract, score) on one file, a
 *       path or a {@link org.jixiao.Source}; immutable and thread-safe, with no command line and no
 *       static mutable state, so other Java code or a distributed job can call it;</li>
 *   <li>{@link org.jixiao.FileResult}: the records and failures of one file;</li>
 *   <li>{@link org.jixiao.ReadLimits} and {@link org.jixiao.RuleProfile}: what a pipeline reads under
 *       and scores by (the national rules of 财预〔2020〕10号 unless a province's are loaded);</li>
 *   <li>{@link org.jixiao.RecordWriter}: the CSV files, the workbook and the HTML audit report, as
 *       {@code jixiao convert} writes them;</li>
 *   <li>{@link org.jixiao.model}: the immutable records (project record, assessment, findings,
 *       failures).</li>
 * </ul>
 *
 * <p>The packages under {@code org.jixiao.internal} (read, normalize, extract, score, write, batch)
 * are the pipeline's stages: public only so that jixiao's own modules can wire them, they may change
 * in any release. No public signature of the API names one of their types.
 */
package org.jixiao;
