package org.jixiao.internal.batch;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The parent's end of one worker process: a JVM with its own heap cap that processes one file at a
 * time (see {@link Wire}). A file that runs past its time budget is stopped for real: the process is
 * killed, so its thread and its heap go with it, and the pool starts a fresh one for the next file.
 * Not thread-safe: one batch thread uses a worker at a time ({@link WorkerPool} hands them out).
 */
public final class WorkerProcess {

    /** How long a new worker may take to start (JVM, classes, dictionaries) before it is given up. */
    private static final Duration START_BUDGET = Duration.ofSeconds(60);
    /** The exit code of a JVM run with -XX:+ExitOnOutOfMemoryError when its heap ran out. */
    public static final int EXIT_OUT_OF_MEMORY = 3;

    /** How one file's call ended. */
    public sealed interface Outcome {
        /** The worker answered. */
        record Done(Wire.Reply reply) implements Outcome {
        }

        /** The file ran past its budget; the worker was killed. */
        record TimedOut() implements Outcome {
        }

        /** The worker ended (or broke the protocol) while it processed the file. */
        record Died(int exitCode) implements Outcome {
            public boolean outOfMemory() {
                return exitCode == EXIT_OUT_OF_MEMORY;
            }
        }
    }

    private final Process process;
    private final DataOutputStream toChild;
    private final DataInputStream fromChild;
    private volatile boolean killedByWatchdog;
    private boolean broken;

    private WorkerProcess(Process process) {
        this.process = process;
        this.toChild = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 13));
        this.fromChild = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    /**
     * Starts a worker and waits for its greeting.
     *
     * @param command    the full command line of the child JVM
     * @param showStderr whether the child's stderr goes to ours (--debug); else it is discarded, so
     *                   no library's log line or stack trace reaches the console
     * @throws IOException if it cannot be started or does not greet within a minute
     */
    static WorkerProcess start(List<String> command, boolean showStderr, ScheduledExecutorService watchdog)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(showStderr ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        // An error from here on (this JVM out of memory, say) must not leave the child running.
        try {
            WorkerProcess worker = new WorkerProcess(process);
            ScheduledFuture<?> timer = watchdog.schedule(worker::kill, START_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
            try {
                Wire.readHello(worker.fromChild);
                return worker;
            } catch (IOException e) {
                process.destroyForcibly();
                throw new IOException(worker.killedByWatchdog
                        ? "a worker process did not start within " + START_BUDGET.toSeconds() + " s"
                        : "a worker process could not start (exit code " + worker.exitCode() + ")", e);
            } finally {
                timer.cancel(false);
            }
        } catch (Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Processes one file within {@code budget}; never throws for anything the file or the worker does. */
    Outcome call(String path, String recordName, Duration budget, ScheduledExecutorService watchdog) {
        killedByWatchdog = false;
        ScheduledFuture<?> timer = watchdog.schedule(this::kill, budget.toMillis(), TimeUnit.MILLISECONDS);
        try {
            Wire.writeRequest(toChild, path, recordName, (int) Math.min(Integer.MAX_VALUE, budget.toSeconds()));
            Wire.Reply reply = Wire.readReply(fromChild);
            timer.cancel(false);
            // Killed just as it answered: the answer is whole, but this worker is gone.
            broken = killedByWatchdog;
            return new Outcome.Done(reply);
        } catch (IOException e) {
            timer.cancel(false);
            broken = true;
            if (killedByWatchdog) {
                return new Outcome.TimedOut();
            }
            return new Outcome.Died(exitCode());
        }
    }

    /** Whether this worker can take another file. */
    boolean usable() {
        return !broken && process.isAlive();
    }

    /** Ends the worker: closing its stdin asks it to exit; a worker that does not is killed. */
    void close() {
        try {
            toChild.close();
        } catch (IOException e) {
            // already gone; the kill below makes sure
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    long pid() {
        return process.pid();
    }

    private void kill() {
        killedByWatchdog = true;
        process.destroyForcibly();
    }

    /** The exit code once the process has ended (it is killed if it has not within 5 s), -1 if unknown. */
    private int exitCode() {
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            return process.isAlive() ? -1 : process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "worker process %d", process.pid());
    }
}
