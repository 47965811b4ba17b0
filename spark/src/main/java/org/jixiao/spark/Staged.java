package org.jixiao.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.jixiao.internal.write.OutputTable;
import org.jixiao.internal.write.TableRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of every table in one dataset, as the tasks render them with the core's {@code Rows}
 * (so every cell, formula guard included, is the command line's), with what the driver needs to
 * link copies and partition by year. The job writes it once through Spark's committer, so a
 * retried task cannot leave a row twice, and then cuts it into the tables.
 *
 * <pre>
 * table          projects | indicators | funds | goals | findings | errors (the partition column)
 * input          index of the input the file was listed under
 * relative_path  the file's path below that input: with input, the order "first copy" follows
 * record_key     the key the form's record ids start with; null on errors rows
 * form_year      the year of the form a row belongs to, for --partition-by year; null if none
 * cells          the row's cells in the contract's column order, as the CLI writes them
 * </pre>
 */
final class Staged {

    static final String TABLE = "table";
    static final String INPUT = "input";
    static final String RELATIVE_PATH = "relative_path";
    static final String RECORD_KEY = "record_key";
    static final String FORM_YEAR = "form_year";
    static final String CELLS = "cells";

    static final StructType SCHEMA = new StructType()
            .add(TABLE, DataTypes.StringType, false)
            .add(INPUT, DataTypes.IntegerType, false)
            .add(RELATIVE_PATH, DataTypes.StringType, false)
            .add(RECORD_KEY, DataTypes.StringType, true)
            .add(FORM_YEAR, DataTypes.StringType, true)
            .add(CELLS, DataTypes.createArrayType(DataTypes.StringType, false), false);

    private Staged() {
    }

    /**
     * The staged rows of one file's rendered rows: each form's rows follow its {@code projects}
     * row, which gives them their record key and year.
     */
    static List<Row> of(ListedFile file, List<TableRow> rows, Optional<String> recordKey) {
        List<Row> staged = new ArrayList<>(rows.size());
        String year = null;
        for (TableRow row : rows) {
            if (row.table() == OutputTable.PROJECTS) {
                year = row.cell("year").isEmpty() ? null : row.cell("year");
            }
            boolean ofForm = row.table() != OutputTable.ERRORS;
            staged.add(RowFactory.create(row.table().label(), file.input(), file.relativePath(),
                    ofForm ? recordKey.orElse(null) : null, ofForm ? year : null, row.cells().toArray(new String[0])));
        }
        return staged;
    }
}
