package org.jixiao.internal.batch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs a job on every item with a pool of worker threads and hands the results on in input order.
 *
 * <p>Contracts:
 * <ul>
 *   <li><b>Order</b>: results reach the {@link Emitter} in the order of the input items, whatever
 *       the number of threads, so the same input always gives the same output.</li>
 *   <li><b>Bounded memory</b>: at most {@code window} items are taken from the iterator and not yet
 *       emitted; the next item is taken only when the oldest one has been emitted. An item is
 *       given to a worker only when the worker starts on it, so nothing is read ahead.</li>
 *   <li><b>Isolation</b>: any {@link Throwable} thrown by the job for one item (a
 *       {@code RuntimeException}, {@code StackOverflowError}, {@code OutOfMemoryError}) becomes
 *       that item's result through {@link Job#failed}; the pool goes on.</li>
 *   <li><b>A full heap</b>: what the pool does on the calling thread (taking an item, and the
 *       {@link Job#failed} and {@link Job#timedOut} calls) is tried again for a while if it runs out
 *       of memory, as the heap may be held by a job given up on (below), which frees it when it
 *       ends. Only the emitter's own errors stop the run.</li>
 *   <li><b>Time budget</b>: an item whose job runs longer than the budget (measured from the
 *       moment a worker starts it, plus what the job added with {@link #extendBudget}) becomes
 *       {@link Job#timedOut}; its future is cancelled, which
 *       interrupts the worker. A job that ignores the interrupt (a runaway parse loop) cannot be
 *       stopped in Java: its thread is abandoned (it is a daemon thread, so it never keeps the JVM
 *       alive) and the pool gets one more thread so the batch keeps its parallelism.</li>
 * </ul>
 *
 * @param <I> the item type (a path)
 * @param <R> the result type
 */
public final class OrderedPool<I, R> {

    /** What to do with each item. Implementations must be thread-safe. */
    public interface Job<I, R> {
        /** The result for one item; called on a worker thread. */
        R process(I item) throws Exception;

        /** The result for an item whose job threw {@code error}. Must not throw. */
        R failed(I item, Throwable error);

        /** The result for an item whose job ran longer than {@code budget}. Must not throw. */
        R timedOut(I item, Duration budget);
    }

    /** Receives results in input order, on the calling thread. */
    @FunctionalInterface
    public interface Emitter<R, X extends Exception> {
        void accept(R result) throws X;
    }

    /** The start time of the item the current pool thread works on, for {@link #extendBudget}. */
    private static final ThreadLocal<AtomicLong> CURRENT_START = new ThreadLocal<>();

    /** How often an item that no worker has started yet is checked again. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** How long the calling thread waits for memory before it tries a call that ran out again. */
    private static final long RECOVERY_PAUSE_MILLIS = 50;
    /**
     * How many budgets the calling thread waits for memory while a job given up on still runs:
     * such a job can hold the heap past its own budget, and ends at the latest when it runs out of
     * memory itself. Without one, one budget (the other jobs in flight end within theirs).
     */
    private static final int RECOVERY_BUDGETS_WHILE_ABANDONED = 3;

    private final int threads;
    private final int window;
    private final Duration budget;
    private final AtomicInteger abandoned = new AtomicInteger();
    /** Jobs given up on whose threads still run, and may still hold memory. */
    private final AtomicInteger abandonedRunning = new AtomicInteger();

    /**
     * @param threads worker threads, at least 1
     * @param window  items in flight at most (taken but not yet emitted), at least {@code threads}
     * @param budget  time one item may take, positive
     */
    public OrderedPool(int threads, int window, Duration budget) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (window < threads) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "window %d is smaller than threads %d",
                    window, threads));
        }
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("budget must be positive, got " + budget);
        }
        this.threads = threads;
        this.window = window;
        this.budget = budget;
    }

    /** Worker threads abandoned so far because their job outlived the time budget. */
    public int abandonedThreads() {
        return abandoned.get();
    }

    /**
     * Runs {@code job} over {@code items} and emits every result in input order. Returns when every
     * item has been emitted; an exception thrown by the emitter stops the run and is rethrown.
     */
    public <X extends Exception> void run(Iterator<? extends I> items, Job<I, R> job, Emitter<R, X> emitter)
            throws X, InterruptedException {
        Objects.requireNonNull(job, "job");
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemons());
        Deque<Pending<I, R>> inFlight = new ArrayDeque<>();
        try {
            while (items.hasNext() || !inFlight.isEmpty()) {
                while (items.hasNext() && inFlight.size() < window) {
                    I item = items.next();
                    inFlight.add(recovering(() -> submit(pool, job, item)));
                }
                emitter.accept(await(pool, job, inFlight.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Pending<I, R> submit(ThreadPoolExecutor pool, Job<I, R> job, I item) {
        AtomicLong started = new AtomicLong();
        AtomicInteger state = new AtomicInteger(RUNNING);
        Future<R> future = pool.submit(() -> {
            started.set(System.nanoTime());
            CURRENT_START.set(started);
            try {
                return job.process(item);
            } catch (Throwable t) {
                if (state.get() == ABANDONED) {
                    // The item already has its time-out result; what its job threw since is no news.
                    return null;
                }
                // One hostile file must not end the batch, whatever it throws: even an
                // OutOfMemoryError, once this item's objects are unreachable again.
                return job.failed(item, t);
            } finally {
                CURRENT_START.remove();
                // Under the pool's lock, so that this shrink never comes before the growth that
                // giving up on the job made (see abandon).
                synchronized (pool) {
                    if (!state.compareAndSet(RUNNING, DONE)) {
                        // Given up on and replaced: now that this worker is free again, the pool
                        // returns to its size, or every time-out would leave one thread more for good.
                        resize(pool, -1);
                        abandonedRunning.decrementAndGet();
                    }
                }
            }
        });
        return new Pending<>(item, started, state, future);
    }

    /**
     * Called by a job on its pool thread: gives the current item {@code more} time beyond the
     * pool's budget. For a job that hands its item to something it can stop for real itself (a
     * worker process killed at its own deadline), so the pool's budget, meant for work in this JVM,
     * does not cut it short. Outside a pool thread it does nothing.
     */
    public static void extendBudget(Duration more) {
        AtomicLong started = CURRENT_START.get();
        if (started != null) {
            started.addAndGet(more.toNanos());
        }
    }

    private R await(ThreadPoolExecutor pool, Job<I, R> job, Pending<I, R> p) throws InterruptedException {
        long budgetNanos = budget.toNanos();
        HeapWait heapWait = new HeapWait();
        while (true) {
            long start = p.started().get();
            long wait = start == 0 ? POLL_NANOS : start + budgetNanos - System.nanoTime();
            try {
                return p.future().get(Math.max(wait, 0), TimeUnit.NANOSECONDS);
            } catch (OutOfMemoryError e) {
                // Even waiting allocates (the future's wait node, the time-out's exception).
                heapWait.pause(e);
            } catch (ExecutionException e) {
                return recovering(() -> job.failed(p.item(), e.getCause()));
            } catch (CancellationException e) {
                return recovering(() -> job.failed(p.item(), e));
            } catch (TimeoutException e) {
                start = p.started().get();
                // Giving up and finishing race: the first to change the state decides. A job that
                // finished at the deadline is taken as finished (the loop reads its result).
                if (start != 0 && System.nanoTime() - start >= budgetNanos && abandon(pool, p.state())) {
                    p.future().cancel(true);
                    abandoned.incrementAndGet();
                    return recovering(() -> job.timedOut(p.item(), budget));
                }
            }
        }
    }

    /**
     * Gives up on a running job and adds a thread in its place, as one step under the pool's lock:
     * a job interrupted by the cancel that follows, or ending on its own just now, can then only
     * take its thread back after it was added (shrinking first took a one-thread pool to a core
     * size of 0, which ThreadPoolExecutor refuses, and left one thread more for good).
     */
    private boolean abandon(ThreadPoolExecutor pool, AtomicInteger state) {
        synchronized (pool) {
            if (!state.compareAndSet(RUNNING, ABANDONED)) {
                return false;
            }
            resize(pool, +1);
            abandonedRunning.incrementAndGet();
            return true;
        }
    }

    /**
     * Runs {@code call} on the calling thread, and again after a pause while it runs out of memory
     * (see {@link HeapWait}).
     */
    private <T> T recovering(Supplier<T> call) throws InterruptedException {
        HeapWait heapWait = new HeapWait();
        while (true) {
            try {
                return call.get();
            } catch (OutOfMemoryError e) {
                heapWait.pause(e);
            }
        }
    }

    /**
     * The calling thread's patience with a full heap. An OutOfMemoryError there is most likely a
     * job's doing (one given up on, deaf to interrupts, holding the heap), and that job's objects go
     * when it ends. Patience is one budget from the first failure, or
     * {@link #RECOVERY_BUDGETS_WHILE_ABANDONED} while a job given up on still runs.
     */
    private final class HeapWait {
        private long firstFailure;

        /** Pauses before the caller tries again; rethrows {@code e} once patience is out. */
        void pause(OutOfMemoryError e) throws InterruptedException {
            long now = System.nanoTime();
            if (firstFailure == 0) {
                firstFailure = now;
            }
            long patience = budget.toNanos() * (abandonedRunning.get() > 0 ? RECOVERY_BUDGETS_WHILE_ABANDONED : 1);
            if (now - firstFailure >= patience) {
                throw e;
            }
            Thread.sleep(RECOVERY_PAUSE_MILLIS);
        }
    }

    /**
     * Adds a thread for a worker given up on (+1), so the pool keeps {@code threads} busy workers,
     * and takes it back when that worker ends (-1).
     */
    private static void resize(ThreadPoolExecutor pool, int by) {
        synchronized (pool) {
            // Since Java 9 a core size above the maximum is rejected: grow the maximum first, shrink it last.
            if (by > 0) {
                pool.setMaximumPoolSize(pool.getMaximumPoolSize() + by);
                pool.setCorePoolSize(pool.getCorePoolSize() + by);
            } else {
                pool.setCorePoolSize(pool.getCorePoolSize() + by);
                pool.setMaximumPoolSize(pool.getMaximumPoolSize() + by);
            }
        }
    }

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int ABANDONED = 2;

    private static ThreadFactory daemons() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "jixiao-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private record Pending<I, R>(I item, AtomicLong started, AtomicInteger state, Future<R> future) {
    }
}
