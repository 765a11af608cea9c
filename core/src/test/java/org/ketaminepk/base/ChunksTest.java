package org.ketaminepk.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ChunksTest {
    @Test
    void eachTaskIsFinishedOnceAfterItsLastIndex() {
        int n = 2 * Chunks.SIZE + 5;
        List<List<Integer>> finished = new ArrayList<>();
        ExecutorService ex = Executors.newFixedThreadPool(2);
        try {
            Chunks.forEach(n, ex, ArrayList<Integer>::new, (i, seen) -> seen.add(i), seen -> {
                synchronized (finished) {
                    finished.add(List.copyOf(seen));
                }
            });
        } finally {
            ex.shutdown();
        }
        assertEquals(3, finished.size());
        int[] times = new int[n];
        for (List<Integer> task : finished) {
            assertEquals(task.get(0) / Chunks.SIZE, task.get(task.size() - 1) / Chunks.SIZE, "one task's indices");
            task.forEach(i -> times[i]++);
        }
        for (int i = 0; i < n; i++) {
            int index = i;
            assertEquals(1, times[index], () -> "index " + index);
        }
    }

    @Test
    void aFailureIsRethrownAndNoLaterTaskIsFinished() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicInteger finished = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Chunks.forEach(3 * Chunks.SIZE,
                Runnable::run, () -> null, (i, s) -> {
                    if (i == Chunks.SIZE + 1) {
                        throw boom;
                    }
                }, s -> finished.incrementAndGet()));
        assertSame(boom, e);
        assertEquals(1, finished.get(), "only the task before the failure was finished");
    }

    @Test
    void aShutDownExecutorIsNamedInOneLine() {
        ExecutorService ex = Executors.newSingleThreadExecutor();
        ex.shutdown();
        // a RejectedExecutionException naming the pool's internals before
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Chunks.forEach(3 * Chunks.SIZE,
                ex, () -> null, (i, s) -> { }));
        assertEquals("executor must accept every task but refused task 1 of 3 (is it shut down, or its queue full?)",
                e.getMessage());
    }

    @Test
    void theTasksTakenBeforeARefusalAreWaitedFor() throws Exception {
        // takes two tasks and refuses the third once both are inside an index: the refusal is thrown only after the
        // two have left their index, so no task still writes when the caller goes on
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(2);
        AtomicInteger left = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        java.util.concurrent.Executor twoThenRefuse = r -> {
            if (taken.incrementAndGet() > 2) {
                try {
                    inside.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new java.util.concurrent.RejectedExecutionException("full");
            }
            pool.execute(r);
        };
        try {
            assertThrows(InvalidInputException.class, () -> Chunks.forEach(4 * Chunks.SIZE, twoThenRefuse,
                    () -> null, (i, s) -> {
                        inside.countDown();
                        try {
                            // still inside when the refusal comes: returning then would leave it running
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        left.incrementAndGet();
                    }));
            // (a task may rarely finish a second index before it sees the refusal; none is still inside one)
            assertTrue(left.get() >= 2, () -> left.get() + " indices left before the refusal was thrown");
        } finally {
            pool.shutdown();
        }
    }
}
