/**
 * The command line: picocli commands that walk files and folders, run the pipeline on each file
 * and write the results; per-file error isolation and exit codes (DESIGN.md: 0 all converted, 1
 * some inputs failed, 2 usage error or nothing could be written). Allowed imports: every stage,
 * picocli. The only package that wires the stages together, besides the {@link org.jixiao.Jixiao}
 * facade it uses.
 */
package org.jixiao.cli;
