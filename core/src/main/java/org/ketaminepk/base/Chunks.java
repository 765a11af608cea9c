package org.ketaminepk.base;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one parallel loop of the population runs: indices 0 to n − 1 in tasks of {@value #SIZE} on an executor, each
 * task with its own state, waiting for all of them. After a failure no task starts another index or finishes, and the
 * first failure is rethrown. {@code join()} orders every task's writes before the caller's reads that follow.
 * Stateless.
 */
public final class Chunks {
    /** Indices per task: enough to amortise a task, few enough to balance two to eight threads. */
    public static final int SIZE = 64;

    /** Work on one index, with state that one task keeps for all of its indices. */
    @FunctionalInterface
    public interface Task<S> {
        /**
         * @param i the index
         * @param state the task's own state
         */
        void run(int i, S state);
    }

    private Chunks() {
    }

    /**
     * @param n the number of indices
     * @param executor where the tasks run (not shut down)
     * @param perTask makes one task's state (e.g. scratch arrays), called once per task
     * @param body the work on one index
     */
    public static <S> void forEach(int n, Executor executor, Supplier<S> perTask, Task<S> body) {
        forEach(n, executor, perTask, body, state -> { });
    }

    /**
     * @param n the number of indices
     * @param executor where the tasks run (not shut down)
     * @param perTask makes one task's state (e.g. scratch arrays), called once per task
     * @param body the work on one index
     * @param finish the work on a task's state after its last index, on the task's thread (e.g. handing on what the
     *        state gathered); not called once any task has failed
     * @throws InvalidInputException if the executor refuses a task (shut down, or its queue full), once the tasks it
     *         took have stopped
     */
    public static <S> void forEach(int n, Executor executor, Supplier<S> perTask, Task<S> body,
            Consumer<S> finish) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        for (int start = 0; start < n; start += SIZE) {
            int from = start;
            int to = Math.min(n, start + SIZE);
            Runnable task = () -> {
                S state = perTask.get();
                for (int i = from; i < to && failure.get() == null; i++) {
                    try {
                        body.run(i, state);
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                        throw e;
                    }
                }
                if (failure.get() == null) {
                    try {
                        finish.accept(state);
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                        throw e;
                    }
                }
            };
            try {
                tasks.add(CompletableFuture.runAsync(task, executor));
            } catch (RejectedExecutionException e) {
                // a shut-down executor (or a full queue): the tasks already handed over stop at their next index and
                // are waited for, so that none of them still writes after this returns
                failure.compareAndSet(null, e);
                CompletableFuture.allOf(tasks.toArray(new CompletableFuture<?>[0])).exceptionally(x -> null).join();
                throw InvalidInputException.statement("executor", "must accept every task but refused task "
                        + (from / SIZE + 1) + " of " + ((n + SIZE - 1) / SIZE) + " (is it shut down, or its queue "
                        + "full?)");
            }
        }
        try {
            CompletableFuture.allOf(tasks.toArray(new CompletableFuture<?>[0])).join();
        } catch (CompletionException e) {
            Throwable t = failure.get() != null ? failure.get() : e.getCause();
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("a parallel task failed", t);
        }
    }
}
