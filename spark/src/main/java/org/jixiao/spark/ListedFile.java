package org.jixiao.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * One file to convert, as the driver listed it and a task receives it: a path and a few numbers,
 * never content.
 *
 * @param uri          the file's full URI ({@code hdfs://nn/archive/2020/a.docx}): the
 *                     {@code source_file} column and what the task opens
 * @param input        the index of the input (in the order given) it was listed under
 * @param relativePath its path relative to that input, {@code /} between folders; empty for an
 *                     input that is the file itself. Copies are ordered by (input, relativePath).
 * @param recordName   the name its record ids derive from ({@link org.jixiao.internal.batch.RecordNames})
 * @param size         its length in bytes when listed, which balances the partitions
 */
public record ListedFile(String uri, int input, String relativePath, String recordName, long size)
        implements Serializable {
    public ListedFile {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(recordName, "recordName");
    }
}
