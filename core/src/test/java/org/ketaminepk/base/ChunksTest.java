package org.ketaminepk.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
