package org.jixiao.internal.batch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderedPoolTest {

    /** Results as strings: "ok:3", "failed:3:java.lang.StackOverflowError", "timeout:3". */
    private static OrderedPool.Job<Integer, String> job(java.util.function.IntConsumer work) {
        return new OrderedPool.Job<>() {
            @Override
            public String process(Integer item) {
                work.accept(item);
                return "ok:" + item;
            }

            @Override
            public String failed(Integer item, Throwable error) {
                return "failed:" + item + ":" + error.getClass().getName();
            }

            @Override
            public String timedOut(Integer item, Duration budget) {
                return "timeout:" + item;
            }
        };
    }

    private static List<Integer> items(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void emitsResultsInInputOrderWhateverTheThreadsFinishFirst() throws InterruptedException {
        List<String> results = new ArrayList<>();
        new OrderedPool<Integer, String>(4, 8, Duration.ofSeconds(30)).run(items(200).iterator(),
                job(i -> sleep(ThreadLocalRandom.current().nextInt(3))), results::add);

        assertEquals(items(200).stream().map(i -> "ok:" + i).toList(), results);
    }

    @Test
    void takesNoMoreThanTheWindowOfItemsAhead() throws InterruptedException {
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger emitted = new AtomicInteger();
        AtomicInteger maxAhead = new AtomicInteger();
        Iterator<Integer> source = items(500).iterator();
        Iterator<Integer> counting = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Integer next() {
                maxAhead.accumulateAndGet(taken.incrementAndGet() - emitted.get(), Math::max);
                return source.next();
            }
        };
        new OrderedPool<Integer, String>(2, 6, Duration.ofSeconds(30)).run(counting, job(i -> { }),
                r -> emitted.incrementAndGet());

        assertEquals(500, emitted.get());
        assertTrue(maxAhead.get() <= 6, "at most 6 items in flight, saw " + maxAhead.get());
    }

    @Test
    void anErrorOfOneItemBecomesItsResultAndTheRestGoOn() throws InterruptedException {
        List<String> results = new ArrayList<>();
        new OrderedPool<Integer, String>(2, 4, Duration.ofSeconds(30)).run(items(4).iterator(), job(i -> {
            if (i == 1) {
                recurse(0);
            }
            if (i == 2) {
                throw new IllegalStateException("boom");
            }
        }), results::add);

        assertEquals(List.of("ok:0", "failed:1:java.lang.StackOverflowError",
                "failed:2:java.lang.IllegalStateException", "ok:3"), results);
    }

    @Test
    void aRunawayItemTimesOutAndIsAbandonedWhileTheBatchGoesOn() {
        OrderedPool<Integer, String> pool = new OrderedPool<>(2, 4, Duration.ofSeconds(1));
        List<String> results = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> pool.run(items(6).iterator(), job(i -> {
            if (i == 1) {
                spinIgnoringInterrupts();
            }
        }), results::add));

        assertEquals(List.of("ok:0", "timeout:1", "ok:2", "ok:3", "ok:4", "ok:5"), results);
        assertEquals(1, pool.abandonedThreads());
    }

    @Test
    void theThreadAddedForARunawayItemGoesWhenThatItemEnds() {
        // One worker: the runaway item gets a replacement thread at its budget (1 s); when it ends
        // at 2 s, the pool is back to one worker, so no two items may run side by side after that.
        OrderedPool<Integer, String> pool = new OrderedPool<>(1, 4, Duration.ofSeconds(1));
        AtomicBoolean runawayEnded = new AtomicBoolean();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger doneWhileRunaway = new AtomicInteger();
        AtomicInteger mostSideBySideAfter = new AtomicInteger();
        List<String> results = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> pool.run(items(150).iterator(), job(i -> {
            if (i == 0) {
                spinIgnoringInterrupts(Duration.ofSeconds(2));
                runawayEnded.set(true);
                return;
            }
            int now = running.incrementAndGet();
            if (runawayEnded.get()) {
                mostSideBySideAfter.accumulateAndGet(now, Math::max);
            }
            sleep(20);
            running.decrementAndGet();
            if (!runawayEnded.get()) {
                doneWhileRunaway.incrementAndGet();
            }
        }), results::add));

        assertEquals("timeout:0", results.get(0));
        assertEquals(150, results.size());
        assertTrue(doneWhileRunaway.get() > 0, "the replacement worker went on while the runaway item spun");
        assertEquals(1, mostSideBySideAfter.get(), "items side by side once the runaway item had ended");
        assertEquals(1, pool.abandonedThreads());
    }

    @Test
    void anItemThatRespectsInterruptsIsCancelledAtTheBudget() {
        OrderedPool<Integer, String> pool = new OrderedPool<>(1, 1, Duration.ofSeconds(1));
        List<String> results = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> pool.run(items(2).iterator(),
                job(i -> sleep(i == 0 ? 60_000 : 0)), results::add));

        assertEquals(List.of("timeout:0", "ok:1"), results);
    }

    @Test
    void aCallOnTheCallingThreadThatRunsOutOfMemoryIsTriedAgainOnceTheRunawayLetsTheHeapGo() {
        // Item 1 spins past its budget (1 s), deaf to interrupts, and is taken to hold the heap
        // until it ends at 2.5 s: until then, the time-out call on the calling thread runs out of
        // memory, as handing the item on would. What item 1 throws after it was given up is no news.
        OrderedPool<Integer, String> pool = new OrderedPool<>(2, 4, Duration.ofSeconds(1));
        AtomicBoolean holding = new AtomicBoolean(true);
        AtomicInteger timeOutCalls = new AtomicInteger();
        AtomicInteger failedCalls = new AtomicInteger();
        List<String> results = new ArrayList<>();
        OrderedPool.Job<Integer, String> job = new OrderedPool.Job<>() {
            @Override
            public String process(Integer item) {
                if (item == 1) {
                    spinIgnoringInterrupts(Duration.ofMillis(2500));
                    holding.set(false);
                    throw new OutOfMemoryError("Java heap space");
                }
                return "ok:" + item;
            }

            @Override
            public String failed(Integer item, Throwable error) {
                failedCalls.incrementAndGet();
                return "failed:" + item;
            }

            @Override
            public String timedOut(Integer item, Duration budget) {
                timeOutCalls.incrementAndGet();
                if (holding.get()) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return "timeout:" + item;
            }
        };
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> pool.run(items(5).iterator(), job, results::add));

        assertEquals(List.of("ok:0", "timeout:1", "ok:2", "ok:3", "ok:4"), results);
        assertTrue(timeOutCalls.get() > 1, "tried again: " + timeOutCalls.get());
        sleep(200);
        assertEquals(0, failedCalls.get(), "the item given up on had its one result");
    }

    @Test
    void aHeapThatDoesNotComeBackStopsTheRunAfterAFewBudgets() {
        OrderedPool<Integer, String> pool = new OrderedPool<>(1, 2, Duration.ofMillis(300));
        OrderedPool.Job<Integer, String> job = new OrderedPool.Job<>() {
            @Override
            public String process(Integer item) {
                throw new OutOfMemoryError("Java heap space");
            }

            @Override
            public String failed(Integer item, Throwable error) {
                throw new OutOfMemoryError("Java heap space");
            }

            @Override
            public String timedOut(Integer item, Duration budget) {
                return "timeout:" + item;
            }
        };
        long start = System.nanoTime();
        OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> pool.run(items(3).iterator(), job, r -> { })));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals("Java heap space", e.getMessage());
        assertTrue(millis >= 300, "waited one budget first: " + millis + " ms");
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    /** A parse loop that never checks for interruption: only abandoning its thread helps. */
    private static void spinIgnoringInterrupts() {
        spinIgnoringInterrupts(Duration.ofSeconds(5));
    }

    private static void spinIgnoringInterrupts(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long x = 0;
        while (System.nanoTime() < end) {
            x += Thread.interrupted() ? 1 : 0;
        }
        if (x < 0) {
            throw new AssertionError();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
