/**
 * The conversion as an Apache Spark job ({@link org.jixiao.spark.ConvertJob}): input paths on any
 * Hadoop file system listed by the driver, dealt into balanced partitions, each task converting
 * its files one at a time with the core's {@link org.jixiao.Jixiao} facade and rendering them with
 * the core's {@code write.Rows}; the CLI's tables written as CSV or Parquet through Spark's
 * committer, {@code duplicate_of} from a grouping on {@code content_hash}, and an
 * {@link org.jixiao.spark.AuditSummary} aggregated at the end. Allowed imports: the core's public
 * API ({@code org.jixiao}, {@code batch}, {@code model}, {@code read}, {@code write}), Spark,
 * Hadoop's file system API. The core never imports this package.
 */
package org.jixiao.spark;
