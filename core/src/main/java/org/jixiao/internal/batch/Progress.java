package org.jixiao.internal.batch;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Reports a batch's progress on stderr: files done of total, files per second, time left and
 * failures so far.
 *
 * <ul>
 *   <li>On a terminal: one bar redrawn in place ({@code \r}) at most five times a second:
 *       {@code [##########..........]  512/1000 files  48.3 files/s  ETA 0:10  2 failed}.</li>
 *   <li>Otherwise (a log file, CI): a plain line every {@code interval}:
 *       {@code jixiao: 512/1000 files, 48.3 files/s, ETA 0:10, 2 failed}.</li>
 *   <li>Quiet: nothing.</li>
 * </ul>
 * Called from one thread.
 */
public final class Progress {

    /** How the progress is shown. */
    public enum Mode { BAR, LINES, QUIET }

    private static final int BAR_WIDTH = 24;
    /** Files after the first that must have finished before a rate (and an ETA) is shown. */
    private static final int RATE_FILES = 3;
    private static final long BAR_REFRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final PrintWriter err;
    private final Mode mode;
    private final long total;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long start;
    private long done;
    private long failed;
    /** When the first file finished: the rate is measured from here, past the JVM's warm-up. */
    private long firstDone;
    private long lastShown;
    private boolean barShown;

    /**
     * @param total    files in the batch
     * @param interval seconds between plain lines
     * @param clock    nanosecond clock ({@code System::nanoTime}; a fake one in tests)
     */
    public Progress(PrintWriter err, Mode mode, long total, long interval, LongSupplier clock) {
        this.err = err;
        this.mode = mode;
        this.total = total;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(interval);
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastShown = start;
    }

    /** Counts one finished file and shows the progress if it is time to. */
    public void fileDone(boolean fileFailed) {
        done++;
        if (done == 1) {
            firstDone = clock.getAsLong();
        }
        if (fileFailed) {
            failed++;
        }
        long now = clock.getAsLong();
        if (mode == Mode.BAR && (now - lastShown >= BAR_REFRESH_NANOS || done == total)) {
            // trailing spaces wipe what a longer previous bar left (the rate can get shorter)
            err.print("\r" + bar(now) + "    ");
            err.flush();
            barShown = true;
            lastShown = now;
        } else if (mode == Mode.LINES && now - lastShown >= intervalNanos) {
            err.println("jixiao: " + status(now, ", "));
            err.flush();
            lastShown = now;
        }
    }

    /** Ends the bar's line so that what follows starts on a fresh line. */
    public void finish() {
        if (barShown) {
            err.println();
            err.flush();
        }
    }

    /** Seconds since the batch started. */
    public double elapsedSeconds() {
        return (clock.getAsLong() - start) / 1e9;
    }

    String bar(long now) {
        int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * done / total);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]  " + status(now, "  ");
    }

    /**
     * The status without an ETA until the rate is known: the first file carries the JVM's warm-up
     * (seconds of class loading), so its time would predict hours for a batch of minutes. The rate
     * counts from the first finished file, once {@value #RATE_FILES} more have finished over at
     * least a second.
     */
    String status(long now, String sep) {
        double seconds = Math.max((now - start) / 1e9, 1e-9);
        double sinceFirst = (now - firstDone) / 1e9;
        boolean known = done - 1 >= RATE_FILES && sinceFirst >= 1;
        double rate = known ? (done - 1) / sinceFirst : done / seconds;
        String eta = known && done < total
                ? String.format(Locale.ROOT, "ETA %s%s", clockTime((long) Math.ceil((total - done) / rate)), sep) : "";
        return String.format(Locale.ROOT, "%d/%d files%s%.1f files/s%s%s%d failed",
                done, total, sep, rate, sep, eta, failed);
    }

    /** {@code 75} gives {@code 1:15}; {@code 3725} gives {@code 1:02:05}. */
    static String clockTime(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
