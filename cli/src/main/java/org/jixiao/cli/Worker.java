package org.jixiao.cli;

import org.jixiao.Jixiao;
import org.jixiao.ReadLimits;
import org.jixiao.RuleProfile;
import org.jixiao.internal.batch.Wire;
import org.jixiao.internal.read.Logging;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The worker process of a batch (started by {@link BatchRun} through
 * {@link org.jixiao.internal.batch.WorkerPool}): reads file requests on stdin, runs the pipeline on each and
 * answers the output rows on stdout (record ids from the record name each request carries), until stdin closes. Its heap is capped by the parent and it
 * runs with {@code -XX:+ExitOnOutOfMemoryError}, so a file that needs more memory than the cap ends
 * this process (the parent reports the file and starts another), never a neighbour's file.
 *
 * <p>Usage: {@code Worker [PROFILE]}, PROFILE the rule profile file, absent for the national rules.
 */
public final class Worker {

    /** Beyond its budget plus this, a worker halts itself: its parent is gone or failed to kill it. */
    private static final long OVERRUN_NANOS = 30_000_000_000L;

    private Worker() {
    }

    public static void main(String[] args) throws IOException {
        serve(args, UnaryOperator.identity());
    }

    /**
     * Serves requests until stdin closes. {@code wrap} may put a stand-in around the pipeline
     * (tests: a file that hangs, exhausts the heap or crashes the JVM).
     */
    static void serve(String[] args, UnaryOperator<FileWork.Pipeline> wrap) throws IOException {
        // Only replies may reach the parent through stdout: whatever a library prints goes to stderr.
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, java.nio.charset.StandardCharsets.UTF_8));
        Logging.quiet(Boolean.getBoolean("jixiao.debug"));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 13));

        RuleProfile profile = args.length > 0 ? RuleProfile.load(Path.of(args[0])) : RuleProfile.national();
        ReadLimits limits = ReadLimits.defaults();
        Jixiao jixiao = Jixiao.builder().limits(limits).profile(profile).build();
        FileWork work = new FileWork(jixiao, limits, wrap.apply(jixiao::process));
        Overrun overrun = new Overrun();
        overrun.start();
        Wire.writeHello(out);

        Optional<Wire.Request> request;
        while ((request = Wire.readRequest(in)).isPresent()) {
            overrun.arm(request.get().budgetSeconds());
            FileWork.Done done = work.process(Path.of(request.get().path()), request.get().recordName());
            overrun.disarm();
            Wire.writeReply(out, done.contentHash(), done.rows());
        }
    }

    /**
     * Halts the worker when one file runs far past its budget: the parent kills it at the budget,
     * so this only happens when the parent is gone (killed with -9) and nobody else would.
     */
    private static final class Overrun extends Thread {
        private volatile long deadline = Long.MAX_VALUE;

        Overrun() {
            super("jixiao-worker-overrun");
            setDaemon(true);
        }

        void arm(int budgetSeconds) {
            deadline = System.nanoTime() + budgetSeconds * 1_000_000_000L + OVERRUN_NANOS;
        }

        void disarm() {
            deadline = Long.MAX_VALUE;
        }

        @Override
        public void run() {
            while (true) {
                long d = deadline;
                if (d != Long.MAX_VALUE && System.nanoTime() - d > 0) {
                    Runtime.getRuntime().halt(4);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
