/**
 * The command line: picocli commands ({@code convert}, {@code audit}) that list files and folders,
 * run the pipeline on each file through the batch machinery of {@code org.jixiao.internal.batch} (ordered
 * worker pool, per-file time budget and error isolation, resumable journal, progress) and write the
 * results; exit codes per DESIGN.md (0 all converted, 1 some inputs failed, 2 usage error, no
 * input file found, or nothing could be written). Allowed imports: every stage, {@code batch}, picocli. The only package
 * that wires the stages together, besides the {@link org.jixiao.Jixiao} facade it uses.
 */
package org.jixiao.cli;
