package org.jixiao.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.jixiao.internal.write.OutputTable;
import org.jixiao.internal.write.Rows;
import org.jixiao.model.Failure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The conversion as a Spark job: the command line's tables from files where they live.
 *
 * <pre>
 * spark-submit --class org.jixiao.spark.ConvertJob jixiao-spark-job.jar \
 *     --out hdfs:///jixiao/out --format parquet --partition-by year hdfs:///archive
 * </pre>
 *
 * <p>or from code, on a session the caller owns:
 *
 * <pre>{@code
 * AuditSummary s = ConvertJob.run(spark, JobOptions.of(List.of("s3a://bucket/archive"), "s3a://bucket/out"));
 * }</pre>
 *
 * <p>How it runs: the driver lists the inputs ({@link InputListing}: paths and sizes only) and
 * deals the files into partitions of about equal bytes; each task reads its files one at a time
 * and converts them with the core library ({@link FileConverter}), so no content passes through
 * the driver and no archive is held in memory. The rows of all tables are written once, through
 * Spark's output committer, to {@code OUT/_staging} (so a retried task leaves no row twice), then
 * cut into one folder per table, {@code duplicate_of} linked by a grouping on
 * {@code content_hash}; the staging folder is removed at the end. Per-file failures are
 * {@code errors} rows, never a failed job.
 */
public final class ConvertJob {

    /** The staging folder inside OUT; Spark and Hadoop skip names starting with {@code _}. */
    static final String STAGING = "_staging";

    private ConvertJob() {
    }

    /** Nothing to convert: every input is missing or empty. */
    public static final class NoInputFile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoInputFile(String message) {
            super(message);
        }
    }

    /**
     * {@code spark-submit} entry: the options of {@link JobOptions#parse}. Exit codes as the CLI's:
     * 0 every file converted, 1 some files failed (rows in {@code errors}), 2 a usage error or no
     * input file.
     */
    public static void main(String[] args) {
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("jixiao-spark: " + e.getMessage());
            System.err.println(JobOptions.USAGE);
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("jixiao convert").getOrCreate();
        int exit;
        try {
            AuditSummary summary = run(spark, options);
            System.out.print(summary.describe());
            exit = summary.failedFiles() > 0 ? 1 : 0;
        } catch (NoInputFile e) {
            System.err.println("jixiao-spark: " + e.getMessage());
            exit = 2;
        } finally {
            spark.stop();
        }
        System.exit(exit);
    }

    /**
     * Converts the inputs and writes the tables into {@code options.out()}, replacing the table
     * folders a former run left there.
     *
     * @throws NoInputFile if no input holds a file
     */
    public static AuditSummary run(SparkSession spark, JobOptions options) {
        long start = System.nanoTime();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        InputListing.Listed listed = new InputListing(hadoop).list(options.inputs());
        if (listed.files().isEmpty()) {
            throw new NoInputFile("no input file found" + (listed.problems().isEmpty() ? ": the inputs hold no file"
                    : ": " + listed.problems().stream().limit(5).map(f -> f.sourceFile() + ": " + f.message())
                    .collect(Collectors.joining("; "))));
        }
        int partitions = Partitions.count(options.partitions(), listed.files().size(),
                spark.sparkContext().defaultParallelism());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> converted = jsc.parallelize(Partitions.balance(listed.files(), partitions), partitions)
                .mapPartitions(new FileConverter(new HadoopConf(hadoop), options.timeoutSeconds(),
                        options.failFirstAttemptOf()));
        List<Row> unlisted = new ArrayList<>();
        for (Failure f : listed.problems()) {
            ListedFile asListed = new ListedFile(f.sourceFile(), 0, "", "", 0);
            unlisted.addAll(Staged.of(asListed, List.of(Rows.of(f)), Optional.empty()));
        }
        Dataset<Row> rows = spark.createDataFrame(converted, Staged.SCHEMA)
                .union(spark.createDataFrame(unlisted, Staged.SCHEMA));

        String staging = new Path(options.out(), STAGING).toString();
        rows.write().mode(SaveMode.Overwrite).partitionBy(Staged.TABLE).parquet(staging);
        // The schema is known: reading it from the files' footers would be one more Spark job.
        Dataset<Row> staged = spark.read().schema(Staged.SCHEMA).parquet(staging);
        // The tables are written by concurrent Spark jobs: one table's planning and commit (on the
        // driver) overlap another's tasks, and the small tables do not wait for the large ones.
        ExecutorService writers = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "jixiao-table-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (OutputTable table : OutputTable.values()) {
                writes.add(writers.submit(() -> write(table, staged, options)));
            }
            for (Future<?> w : writes) {
                await(w);
            }
        } finally {
            writers.shutdownNow();
        }
        long files = listed.files().size() + listed.problems().size();
        AuditSummary summary = AuditSummary.of(staged, files, (System.nanoTime() - start) / 1e9);
        delete(new Path(staging), hadoop);
        return summary;
    }

    private static void write(OutputTable table, Dataset<Row> staged, JobOptions options) {
        Dataset<Row> t = Tables.of(table, staged, options.partitionByYear());
        DataFrameWriter<Row> w = t.write().mode(SaveMode.Overwrite);
        if (options.partitionByYear() && Tables.ofForms(table)) {
            w = w.partitionBy("year");
        }
        String path = new Path(options.out(), table.label()).toString();
        if (options.format() == OutputFormat.CSV) {
            csv(w).csv(path);
        } else {
            w.parquet(path);
        }
    }

    /** Waits for one table's write; its failure is the job's, with Spark's exception as it was. */
    private static void await(Future<?> write) {
        try {
            write.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the tables", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("a table could not be written", e.getCause());
        }
    }

    /**
     * The contract's CSV: UTF-8, a header row, quotes doubled inside quoted cells (RFC 4180; Spark's
     * default escape is a backslash), empty cells empty (not {@code ""}), and spaces at a cell's
     * ends kept (Spark trims them by default when writing). Lines end in LF, not the CLI's CRLF:
     * Spark's writer (univocity) turns a line break inside a quoted cell into the line separator,
     * so CRLF would change the text of multi-line cells (评分标准, 偏差原因).
     */
    private static DataFrameWriter<Row> csv(DataFrameWriter<Row> w) {
        return w.option("header", "true")
                .option("encoding", "UTF-8")
                .option("quote", "\"")
                .option("escape", "\"")
                .option("lineSep", "\n")
                .option("emptyValue", "")
                .option("nullValue", "")
                .option("ignoreLeadingWhiteSpace", "false")
                .option("ignoreTrailingWhiteSpace", "false");
    }

    private static void delete(Path path, Configuration conf) {
        try {
            FileSystem fs = path.getFileSystem(conf);
            fs.delete(path, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the staging folder " + path, e);
        }
    }
}
