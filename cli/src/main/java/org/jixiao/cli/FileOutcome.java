package org.jixiao.cli;

import org.jixiao.FileResult;
import org.jixiao.internal.write.OutputTable;
import org.jixiao.internal.write.TableRow;

import java.util.List;
import java.util.Optional;

/**
 * What one input gave in a batch: its rendered output rows, and how they were obtained.
 *
 * @param name   the input as named on the command line (or found in a folder)
 * @param hash   its journal key (SHA-256 of its content, "/", the rule profile; see BatchRun), or
 *               empty if it was never read whole (too large, timed out)
 * @param rows   the output rows: the forms' rows, or one {@code errors} row
 * @param result the pipeline's result when the file was processed in this run; empty when the rows
 *               were reused from the journal or the file failed outside the pipeline
 * @param reused whether the rows came from the journal of an earlier run
 */
record FileOutcome(String name, Optional<String> hash, List<TableRow> rows, Optional<FileResult> result,
                   boolean reused) {
    FileOutcome {
        rows = List.copyOf(rows);
    }

    boolean failed() {
        return rows.stream().anyMatch(r -> r.table() == OutputTable.ERRORS);
    }
}
