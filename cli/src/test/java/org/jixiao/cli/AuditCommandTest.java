package org.jixiao.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditCommandTest {

    private final CommandRun cli = new CommandRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.execute(args);
    }

    private static String seed(String name) {
        return BatchConvertTest.corpus().resolve("seeds").resolve(name).toString();
    }

    @Test
    void printsOneReportPerFormInInputOrder() {
        assertEquals(0, run("audit", seed("004_562d28581a714b1e.txt"), seed("000_28d3029d6f3e5f97.txt"), "--quiet"));

        String report = out.toString();
        int cloud = report.indexOf("== 表 1: 云资源租赁费 (2020)");
        int trading = report.indexOf("== 表 2: 业务专项经费 (2020)");
        int itOps = report.indexOf("== 表 3: 信息化运行维护费 (2020)");
        assertTrue(cloud >= 0 && cloud < trading && trading < itOps, report);
        assertTrue(report.contains("总分 total score: 填报 reported 82.08 / 复核 computed "), report);
        assertTrue(report.contains("预算执行得分 budget score: 填报 reported 8.95 / 复核 computed "), report);
        assertEquals("", err.toString());
    }

    @Test
    void aFileWithoutAFormIsReportedAndExitsOne(@TempDir Path tmp) throws IOException {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "meeting notes\n", StandardCharsets.UTF_8);

        assertEquals(1, run("audit", notes.toString(), seed("000_28d3029d6f3e5f97.txt")));

        assertTrue(out.toString().contains("notes.txt 无法处理 failed: extract.no_form"), out.toString());
        assertTrue(err.toString().contains("1 file(s) could not be converted"), err.toString());
    }

    @Test
    void withOutItAlsoWritesTheCsvFiles(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("out");

        assertEquals(0, run("audit", seed("000_28d3029d6f3e5f97.txt"), "--out", dir.toString()));

        for (String f : BatchConvertTest.OUTPUTS) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        List<String> findings = Files.readAllLines(dir.resolve("findings.csv"), StandardCharsets.UTF_8);
        assertEquals("record_id,code,severity,field,reported,computed,message,source_ref,message_zh", findings.get(0));
        assertEquals(2, Files.readAllLines(dir.resolve("projects.csv"), StandardCharsets.UTF_8).size());
    }
}
