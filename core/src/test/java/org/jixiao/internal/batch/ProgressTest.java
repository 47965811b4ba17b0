package org.jixiao.internal.batch;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {

    private final StringWriter err = new StringWriter();
    private final AtomicLong now = new AtomicLong(1_000);

    private Progress progress(Progress.Mode mode, long total) {
        return new Progress(new PrintWriter(err), mode, total, 5, now::get);
    }

    private void advanceSeconds(long s) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(s));
    }

    @Test
    void plainLinesComeEveryIntervalWithRateEtaAndFailures() {
        Progress p = progress(Progress.Mode.LINES, 100);
        for (int i = 0; i < 10; i++) {
            advanceSeconds(1);
            p.fileDone(i == 3);
        }

        assertEquals("jixiao: 5/100 files, 1.0 files/s, ETA 1:35, 1 failed\n"
                + "jixiao: 10/100 files, 1.0 files/s, ETA 1:30, 1 failed\n", err.toString().replace("\r\n", "\n"));
    }

    @Test
    void theBarIsRedrawnInPlaceOnATerminal() {
        Progress p = progress(Progress.Mode.BAR, 4);
        for (int i = 0; i < 4; i++) {
            advanceSeconds(1);
            p.fileDone(false);
        }
        p.finish();

        String text = err.toString();
        assertTrue(text.startsWith("\r[######..................]  1/4 files  1.0 files/s  0 failed"), "no ETA yet: " + text);
        assertTrue(text.contains("\r[########################]  4/4 files"), text);
        assertTrue(text.endsWith(System.lineSeparator()), "the bar's line is ended");
    }

    @Test
    void theEtaWaitsForARateAndIgnoresTheWarmUpOfTheFirstFile() {
        Progress p = progress(Progress.Mode.LINES, 1000);
        advanceSeconds(20); // the first file: class loading, cold caches
        p.fileDone(false);
        assertEquals("1/1000 files, 0.1 files/s, 0 failed", p.status(now.get(), ", "), "no ETA from one file");
        for (int i = 0; i < 9; i++) {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
            p.fileDone(false);
        }
        // 9 files in 4.5 s after the first: 2 files/s, 990 left: 8:15
        assertEquals("10/1000 files, 2.0 files/s, ETA 8:15, 0 failed", p.status(now.get(), ", "));
    }

    @Test
    void quietPrintsNothing() {
        Progress p = progress(Progress.Mode.QUIET, 3);
        for (int i = 0; i < 3; i++) {
            advanceSeconds(10);
            p.fileDone(true);
        }
        p.finish();

        assertEquals("", err.toString());
    }

    @Test
    void clockTimeShowsHoursOnlyWhenNeeded() {
        assertEquals("1:15", Progress.clockTime(75));
        assertEquals("1:02:05", Progress.clockTime(3725));
    }
}
