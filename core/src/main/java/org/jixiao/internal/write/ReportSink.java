package org.jixiao.internal.write;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes the audit report ({@code --report FILE}): one self-contained HTML page of the run's
 * aggregates (see {@link AuditFigures} and {@link HtmlReport}), written under a temporary name and
 * moved into place by {@link #commit()}. Memory is bounded whatever the batch size.
 */
public final class ReportSink implements RecordSink {

    private final AuditFigures figures = new AuditFigures();
    private final AtomicFile file;
    private final String profileName;

    /**
     * Prepares {@code target}; its temporary copy goes beside it, so the move is on one file system.
     *
     * @param profileName the rule profile's name, shown in the report
     */
    public ReportSink(Path target, String profileName) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        this.file = new AtomicFile(target, dir);
        this.profileName = Objects.requireNonNull(profileName, "profileName");
    }

    @Override
    public void accept(TableRow row) {
        figures.accept(row);
    }

    @Override
    public void commit() throws IOException {
        figures.finish();
        Writer w = file.writer(false);
        w.write(HtmlReport.render(figures, profileName));
        w.flush();
        file.commit();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
