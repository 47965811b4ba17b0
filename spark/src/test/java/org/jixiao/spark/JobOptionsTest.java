package org.jixiao.spark;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The spark-submit arguments. */
class JobOptionsTest {

    @Test
    void readsEveryOption() {
        JobOptions o = JobOptions.parse("--out", "hdfs:///out", "--format", "parquet", "--partition-by", "year",
                "--partitions", "64", "--timeout-seconds", "10", "hdfs:///a", "s3a://b/*/2020");
        assertEquals(new JobOptions(List.of("hdfs:///a", "s3a://b/*/2020"), "hdfs:///out", OutputFormat.PARQUET, true,
                64, 10, Optional.empty()), o);
    }

    @Test
    void defaultsAreTheContractsCsvWithTheClisTimeBudget() {
        assertEquals(JobOptions.of(List.of("in"), "out"), JobOptions.parse("in", "--out", "out"));
        assertEquals(30, JobOptions.parse("in", "--out", "out").timeoutSeconds());
    }

    @Test
    void refusesWhatItCannotDo() {
        assertEquals("--out DIR is required",
                assertThrows(IllegalArgumentException.class, () -> JobOptions.parse("in")).getMessage());
        assertEquals("no input given",
                assertThrows(IllegalArgumentException.class, () -> JobOptions.parse("--out", "o")).getMessage());
        assertEquals("--partition-by takes only year, got region", assertThrows(IllegalArgumentException.class,
                () -> JobOptions.parse("in", "--out", "o", "--partition-by", "region")).getMessage());
        assertEquals("--format must be csv or parquet, got xlsx", assertThrows(IllegalArgumentException.class,
                () -> JobOptions.parse("in", "--out", "o", "--format", "xlsx")).getMessage());
        assertEquals("--partitions takes a whole number, got many", assertThrows(IllegalArgumentException.class,
                () -> JobOptions.parse("in", "--out", "o", "--partitions", "many")).getMessage());
        assertEquals("unknown option --excel", assertThrows(IllegalArgumentException.class,
                () -> JobOptions.parse("in", "--out", "o", "--excel")).getMessage());
        assertEquals("--timeout-seconds needs a value", assertThrows(IllegalArgumentException.class,
                () -> JobOptions.parse("in", "--out", "o", "--timeout-seconds")).getMessage());
    }
}
