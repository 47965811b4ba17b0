package org.jixiao.internal.batch;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Long-lived worker processes of one kind (one command line), handed to batch threads one at a
 * time. A worker serves file after file, so a batch pays a JVM start only once per thread (and once
 * per file that had to be killed); idle workers stay for a while so that the next batch in the same
 * JVM (a library caller running convert in a loop) finds them warm, and end after
 * {@link #IDLE_LIMIT}. Workers end on their own when this JVM ends, as their stdin closes.
 *
 * <p>Thread-safe.
 */
public final class WorkerPool {

    /** How long an idle worker is kept for a next batch. */
    static final Duration IDLE_LIMIT = Duration.ofSeconds(60);

    private static final Map<List<String>, WorkerPool> SHARED = new ConcurrentHashMap<>();
    /** Kills workers past their budget and retires idle ones; one daemon thread for all pools. */
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final List<String> command;
    private final boolean showStderr;
    private final Deque<Idle> idle = new ArrayDeque<>();

    private record Idle(WorkerProcess worker, long since) {
    }

    private WorkerPool(List<String> command, boolean showStderr) {
        this.command = List.copyOf(command);
        this.showStderr = showStderr;
    }

    /** The pool of workers started with {@code command}, shared by every batch of this JVM. */
    public static WorkerPool shared(List<String> command, boolean showStderr) {
        List<String> key = new java.util.ArrayList<>(command);
        key.add(showStderr ? "stderr:shown" : "stderr:discarded");
        return SHARED.computeIfAbsent(List.copyOf(key), k -> new WorkerPool(command, showStderr));
    }

    /**
     * Processes one file on an idle worker (or a new one), within {@code budget}.
     *
     * @throws IOException if no worker can be started: the batch cannot go on
     */
    public WorkerProcess.Outcome process(String path, String recordName, Duration budget) throws IOException {
        WorkerProcess worker = borrow();
        WorkerProcess.Outcome outcome;
        try {
            outcome = worker.call(path, recordName, budget, WATCHDOG);
        } catch (Error e) {
            // Out of memory mid-call, say: where the worker is in the exchange is unknown, so it goes.
            worker.close();
            throw e;
        }
        giveBack(worker);
        return outcome;
    }

    private WorkerProcess borrow() throws IOException {
        synchronized (idle) {
            while (!idle.isEmpty()) {
                WorkerProcess w = idle.pollLast().worker();
                if (w.usable()) {
                    return w;
                }
                w.close();
            }
        }
        return WorkerProcess.start(command, showStderr, WATCHDOG);
    }

    private void giveBack(WorkerProcess worker) {
        if (!worker.usable()) {
            worker.close();
            return;
        }
        synchronized (idle) {
            idle.addLast(new Idle(worker, System.nanoTime()));
        }
    }

    /** Ends the workers idle for longer than {@link #IDLE_LIMIT}. */
    private void retireIdle() {
        long now = System.nanoTime();
        List<WorkerProcess> retired = new java.util.ArrayList<>();
        synchronized (idle) {
            while (!idle.isEmpty() && now - idle.peekFirst().since() > IDLE_LIMIT.toNanos()) {
                retired.add(idle.pollFirst().worker());
            }
        }
        retired.forEach(WorkerProcess::close);
    }

    /** Workers idle now (for tests). */
    int idleCount() {
        synchronized (idle) {
            return idle.size();
        }
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "jixiao-worker-watchdog");
            t.setDaemon(true);
            return t;
        });
        w.setRemoveOnCancelPolicy(true);
        w.scheduleWithFixedDelay(() -> SHARED.values().forEach(WorkerPool::retireIdle), 10, 10, TimeUnit.SECONDS);
        return w;
    }
}
