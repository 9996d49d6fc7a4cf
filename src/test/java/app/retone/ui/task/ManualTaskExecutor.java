package app.retone.ui.task;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;

/**
 * Holds submitted tasks until the test runs them, one by one, on the test's thread: a way to
 * put work "in flight" and decide the order in which it finishes.
 */
public final class ManualTaskExecutor implements TaskExecutor {

    private final class Pending<T> implements TaskHandle {
        final BackgroundTask<T> task;
        boolean cancelled;
        boolean done;

        Pending(BackgroundTask<T> task) {
            this.task = task;
        }

        void run() {
            TaskContext context = TaskContexts.direct(task, () -> cancelled && honoursCancel);
            try {
                T result = task.work().run(context);
                if (!cancelled || !honoursCancel) {
                    task.succeeded(result);
                }
            } catch (CancellationException e) {
                // cancelled
            } catch (Exception e) {
                if (!cancelled || !honoursCancel) {
                    task.failed(e);
                }
            } finally {
                done = true;
                task.finished();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isDone() {
            return done;
        }
    }

    private final Deque<Pending<?>> queue = new ArrayDeque<>();
    private final boolean honoursCancel;
    private final boolean holdsDelayed;
    private record Delayed(Runnable action, long due) {
    }

    private final Deque<Delayed> delayed = new ArrayDeque<>();
    /** The test's clock: it moves only when delayed actions fire, to the time they were due. */
    private long clock;
    private boolean closed;

    public ManualTaskExecutor() {
        this(true);
    }

    public ManualTaskExecutor(boolean honoursCancel) {
        this(honoursCancel, false);
    }

    /**
     * With {@code honoursCancel} false, a cancelled task runs to the end and still delivers its
     * result, as a pool's may when the cancel comes after the result was posted to the UI
     * thread: then only the view model's own checks keep a stale result off the screen.
     */
    /** With {@code holdsDelayed}, {@link #runOnUiThreadAfter} actions wait for {@link #fireDelayed}: the test is the clock. */
    public ManualTaskExecutor(boolean honoursCancel, boolean holdsDelayed) {
        this.honoursCancel = honoursCancel;
        this.holdsDelayed = holdsDelayed;
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        if (closed) {
            throw new java.util.concurrent.RejectedExecutionException(task.title() + ": the executor is closed"); // as the pool does
        }
        Pending<T> pending = new Pending<>(task);
        queue.add(pending);
        return pending;
    }

    public int pending() {
        return queue.size();
    }

    /** Pending tasks of this title. */
    public int pending(String title) {
        return (int) queue.stream().filter(p -> p.task.title().equals(title)).count();
    }

    /** Runs the oldest pending task of this title. */
    public void runNext(String title) {
        Pending<?> next = queue.stream().filter(p -> p.task.title().equals(title)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no pending task '" + title + "' in " + titles()));
        queue.remove(next);
        next.run();
    }

    public java.util.List<String> titles() {
        return queue.stream().map(p -> p.task.title()).toList();
    }

    /** Runs the oldest pending task (which may submit more). */
    public void runNext() {
        queue.removeFirst().run();
    }

    /** Runs the newest pending task first. */
    public void runLatest() {
        queue.removeLast().run();
    }

    public void runAll() {
        while (!queue.isEmpty()) {
            runNext();
        }
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }

    @Override
    public void runOnUiThreadAfter(java.time.Duration delay, Runnable action) {
        if (holdsDelayed) {
            delayed.add(new Delayed(action, clock + delay.toNanos()));
        } else {
            action.run();
        }
    }

    /**
     * Runs the delayed actions waiting now, the clock moved on to when each was due (those they
     * schedule wait for the next call); returns how many ran.
     */
    public int fireDelayed() {
        int n = delayed.size();
        for (int i = 0; i < n; i++) {
            Delayed next = delayed.removeFirst();
            clock = Math.max(clock, next.due());
            next.action().run();
        }
        return n;
    }

    @Override
    public long nanoTime() {
        return clock;
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
    }
}
