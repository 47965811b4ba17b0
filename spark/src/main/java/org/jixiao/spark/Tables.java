package org.jixiao.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.jixiao.internal.write.OutputTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * The contract's tables cut from the staged rows, as typed datasets with the CLI's columns in the
 * CLI's order: counts, indexes and the year are integers, {@code has_scores} and
 * {@code core_indicator} booleans; every other column is a string, amounts and scores included,
 * because the contract keeps a reported figure as written ({@code 7.3} and {@code 7.30} differ)
 * and Spark's decimals have one fixed scale per column ({@code CAST(executed AS DECIMAL(20,6))}
 * in SQL when a sum is wanted). Written as CSV, each cell is then the CLI's text.
 */
final class Tables {

    /** Columns read as whole numbers; a blank cell becomes null (an empty CSV cell). */
    private static final Set<String> INTEGERS = Set.of("form_index", "year", "indicator_count", "finding_count",
            "indicator_index", "parent_index");
    private static final Set<String> BOOLEANS = Set.of("has_scores", "core_indicator");

    private Tables() {
    }

    static DataType typeOf(String column) {
        if (INTEGERS.contains(column)) {
            return DataTypes.IntegerType;
        }
        return BOOLEANS.contains(column) ? DataTypes.BooleanType : DataTypes.StringType;
    }

    /** Whether a table's rows belong to forms, and so can be partitioned by the form's year. */
    static boolean ofForms(OutputTable table) {
        return table != OutputTable.ERRORS;
    }

    /**
     * The rows of {@code table}; with {@code yearColumn}, the tables of forms other than
     * {@code projects} get a {@code year} column (the form's) to partition by, which Spark then
     * keeps in the folder names only.
     */
    static Dataset<Row> of(OutputTable table, Dataset<Row> staged, boolean yearColumn) {
        Dataset<Row> rows = staged.filter(col(Staged.TABLE).equalTo(table.label()));
        Column duplicateOf = null;
        if (table == OutputTable.PROJECTS) {
            rows = linkCopies(rows);
            duplicateOf = col(LINK);
        }
        List<Column> columns = new ArrayList<>();
        List<String> names = table.columns();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Column cell = name.equals("duplicate_of") && duplicateOf != null ? duplicateOf : cell(i);
            DataType type = typeOf(name);
            columns.add((type == DataTypes.StringType ? cell : when(cell.notEqual(lit("")), cell).cast(type)).as(name));
        }
        if (yearColumn && ofForms(table) && table != OutputTable.PROJECTS) {
            columns.add(col(Staged.FORM_YEAR).cast(DataTypes.IntegerType).as("year"));
        }
        return rows.select(columns.toArray(new Column[0]));
    }

    private static Column cell(int index) {
        return col(Staged.CELLS).getItem(index);
    }

    private static final String HASH = "_content_hash";
    private static final String FIRST = "_first";
    private static final String LINK = "_duplicate_of";

    /**
     * {@code duplicate_of} as DESIGN defines it: grouped on {@code content_hash}, the first copy is
     * the one listed first (input in the order given, then relative path, as the CLI lists its
     * files); every other copy's form points at the same form of the first. Spark compares strings
     * by UTF-8 bytes and Java by UTF-16 units, which order differently only past U+FFFF and
     * between U+E000–U+FFFF and such characters: not in file names of forms.
     */
    private static Dataset<Row> linkCopies(Dataset<Row> projects) {
        int hashIndex = OutputTable.PROJECTS.columns().indexOf("content_hash");
        int formIndex = OutputTable.PROJECTS.columns().indexOf("form_index");
        Dataset<Row> withHash = projects.withColumn(HASH, cell(hashIndex));
        Dataset<Row> firsts = withHash.filter(col(HASH).notEqual(lit("")))
                .groupBy(col(HASH))
                .agg(min(struct(col(Staged.INPUT), col(Staged.RELATIVE_PATH), col(Staged.RECORD_KEY))).as(FIRST));
        Column firstKey = col(FIRST + "." + Staged.RECORD_KEY);
        return withHash.join(firsts, withHash.col(HASH).equalTo(firsts.col(HASH)), "left")
                .withColumn(LINK, when(firstKey.isNotNull().and(firstKey.notEqual(col(Staged.RECORD_KEY))),
                        concat(firstKey, lit("-"), cell(formIndex))).otherwise(lit("")));
    }
}
