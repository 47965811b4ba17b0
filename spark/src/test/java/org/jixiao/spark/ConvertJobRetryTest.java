package org.jixiao.spark;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.jixiao.internal.write.OutputTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A task that fails once is retried by Spark and leaves neither a duplicate nor a lost row: the
 * test hook throws on the first attempt at one file, in the middle of its partition, after the
 * task has converted other files. Local mode retries only with {@code local[N,maxFailures]}.
 */
class ConvertJobRetryTest {

    @TempDir
    static Path tmp;
    private static SparkSession spark;
    private static final List<String> failedTasks = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        spark = Fixtures.session("local[2,2]");
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (!end.reason().toString().equals("Success")) {
                    failedTasks.add(end.reason().toString());
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void aTaskRetriedAfterFailingLeavesEveryRowOnce() throws IOException {
        Path input = tmp.resolve("in");
        Fixtures.copyBatch(input, 400);
        Path cliOut = tmp.resolve("cli");
        Fixtures.runCli(input, cliOut);
        Path jobOut = tmp.resolve("job");
        // 4 partitions of 100 files each, dealt in listing order: f0201 is in the middle of one.
        String hooked = hookedFile(input);
        JobOptions options = JobOptions.of(List.of(input.toString()), jobOut.toString())
                .withPartitions(4).withFailFirstAttemptOf(hooked);

        ConvertJob.run(spark, options);

        assertEquals(1, failedTasks.size(), "one failed task attempt: " + failedTasks);
        assertTrue(failedTasks.get(0).contains("test hook: the first attempt at " + hooked), failedTasks.get(0));
        for (OutputTable table : OutputTable.values()) {
            String column = Fixtures.fileColumn(table);
            List<List<String>> cli = Fixtures.relativeAndSorted(Fixtures.cliRows(cliOut, table), table, column, input + "/");
            List<List<String>> job = Fixtures.relativeAndSorted(Fixtures.jobRows(jobOut, table), table, column,
                    "file:" + input + "/");
            assertEquals(cli, job, table.label() + " rows after the retry");
        }
        List<List<String>> projects = Fixtures.jobRows(jobOut, OutputTable.PROJECTS);
        Set<String> ids = new HashSet<>();
        projects.forEach(r -> assertTrue(ids.add(r.get(0)), "record_id twice: " + r.get(0)));
        int file = OutputTable.PROJECTS.columns().indexOf("source_file");
        boolean hookedGaveAForm = projects.stream().anyMatch(r -> r.get(file).endsWith("/" + hooked));
        boolean hookedFailed = Fixtures.jobRows(jobOut, OutputTable.ERRORS).stream()
                .anyMatch(r -> r.get(0).endsWith("/" + hooked));
        assertTrue(hookedGaveAForm || hookedFailed, "the hooked file's rows are there");
    }

    /** The 201st copy, whatever its extension: the middle of the batch. */
    private static String hookedFile(Path input) {
        String[] names = input.resolve("d02").toFile().list();
        for (String n : names) {
            if (n.startsWith("f0201.")) {
                return "d02/" + n;
            }
        }
        throw new AssertionError("no f0201 in " + List.of(names));
    }
}
