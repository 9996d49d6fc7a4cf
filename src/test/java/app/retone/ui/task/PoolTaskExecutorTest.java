package app.retone.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The app's executor, with a single-thread executor standing in for the UI thread. */
@Timeout(20)
class PoolTaskExecutorTest {

    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-ui"));
    /** What the UI thread threw: kept here, as the toolkit would report it, not left to leak into other tests' threads. */
    private final List<Throwable> uiErrors = new CopyOnWriteArrayList<>();
    private final PoolTaskExecutor executor = new PoolTaskExecutor(2, action -> ui.execute(() -> {
        try {
            action.run();
        } catch (RuntimeException e) {
            uiErrors.add(e);
        }
    }));

    @AfterEach
    void close() {
        executor.close();
        ui.shutdownNow();
    }

    @Test
    void workRunsOffTheUiThreadAndItsResultArrivesOnIt() throws Exception {
        AtomicReference<String> workThread = new AtomicReference<>();
        AtomicReference<String> callbackThread = new AtomicReference<>();
        AtomicReference<Integer> result = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(1);
        executor.submit(BackgroundTask.of("sum", context -> {
            workThread.set(Thread.currentThread().getName());
            return 21 * 2;
        }).onSuccess(value -> {
            callbackThread.set(Thread.currentThread().getName());
            result.set(value);
        }).onFinished(finished::countDown));
        assertTrue(finished.await(5, TimeUnit.SECONDS));
        assertEquals(42, result.get());
        assertTrue(workThread.get().startsWith("retone-worker-"), workThread.get());
        assertEquals("fake-ui", callbackThread.get());
    }

    @Test
    void aFinishedTasksHandleNoLongerHoldsWhatItsCallbacksHold() throws Exception {
        // a view model keeps the handle of its last task; what that task's callbacks captured (a
        // look with its frames, tens of megabytes) must not live on with it
        CountDownLatch finished = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Held ran = submitHolding(context -> release.await(5, TimeUnit.SECONDS), finished);
        TaskHandle busy = executor.submit(BackgroundTask.of("busy", context -> release.await(5, TimeUnit.SECONDS)));
        Held queued = submitHolding(context -> true, finished);
        queued.handle().cancel();
        release.countDown();
        assertTrue(finished.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 20 && (ran.captured().get() != null || queued.captured().get() != null); i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertTrue(ran.handle().isDone() && queued.handle().isDone() && busy != null, "the handles are kept");
        assertTrue(ran.captured().get() == null, "a task that ran is let go by its handle");
        assertTrue(queued.captured().get() == null, "a task cancelled while queued is let go by its handle");
    }

    private record Held(TaskHandle handle, java.lang.ref.WeakReference<Object> captured) {
    }

    /** Submits {@code work} whose success callback alone holds a megabyte; the handle and a weak reference to that megabyte. */
    private Held submitHolding(BackgroundTask.Work<Boolean> work, CountDownLatch finished) {
        byte[] large = new byte[1 << 20];
        TaskHandle handle = executor.submit(BackgroundTask.of("holding", work)
                .onSuccess(value -> assertEquals(1 << 20, large.length)).onFinished(finished::countDown));
        return new Held(handle, new java.lang.ref.WeakReference<>(large));
    }

    @Test
    void aBriefTaskRunsOnItsOwnThreadWhileEveryWorkerIsBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch bothBusy = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            executor.submit(BackgroundTask.of("long work " + i, context -> {
                bothBusy.countDown();
                release.await();
                return null;
            }));
        }
        assertTrue(bothBusy.await(5, TimeUnit.SECONDS));
        AtomicReference<String> briefThread = new AtomicReference<>();
        AtomicReference<String> callbackThread = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        executor.submitBrief(BackgroundTask.of("cached thumbnails", context -> Thread.currentThread().getName())
                .onSuccess(name -> {
                    briefThread.set(name);
                    callbackThread.set(Thread.currentThread().getName());
                }).onFinished(done::countDown));
        try {
            assertTrue(done.await(5, TimeUnit.SECONDS), "not queued behind the long work");
            assertEquals("retone-brief", briefThread.get());
            assertEquals("fake-ui", callbackThread.get());
        } finally {
            release.countDown();
        }
    }

    @Test
    void finishingActionsAddUpInOrderAndOneThatThrowsDoesNotStopTheNext() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        executor.submit(BackgroundTask.of("two", context -> 1)
                .onFinished(() -> {
                    ran.add("the view model's");
                    throw new IllegalStateException("a bug in the first");
                })
                .onFinished(() -> {
                    ran.add("the status bar's");
                    finished.countDown();
                }));
        assertTrue(finished.await(5, TimeUnit.SECONDS), "the second ran");
        assertEquals(List.of("the view model's", "the status bar's"), ran);
        ui.submit(() -> { }).get(5, TimeUnit.SECONDS); // the callback has returned (or thrown) by now
        assertEquals(List.of("a bug in the first"), uiErrors.stream().map(Throwable::getMessage).toList(),
                "the bug is still reported, after the others ran");
    }

    @Test
    void aDelayedActionRunsOnTheUiThreadAfterItsDelay() throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        long t0 = System.nanoTime();
        executor.runOnUiThreadAfter(java.time.Duration.ofMillis(150), () -> {
            thread.set(Thread.currentThread().getName());
            ran.countDown();
        });
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - t0 >= 150_000_000L, "not before its delay");
        assertEquals("fake-ui", thread.get());
    }

    @Test
    void aFailureReachesOnFailureWithItsCause() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(1);
        executor.submit(BackgroundTask.of("fail", context -> {
            throw new IOException("disk on fire");
        }).onFailure(failure::set).onFinished(finished::countDown));
        assertTrue(finished.await(5, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failure.get());
        assertEquals("disk on fire", failure.get().getMessage());
    }

    @Test
    void cancellingRunningWorkInterruptsItAndNeitherSuccessNorFailureIsReported() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        TaskHandle handle = executor.submit(BackgroundTask.of("slow", context -> {
            started.countDown();
            Thread.sleep(10_000);
            return "too late";
        }).onSuccess(r -> events.add("success")).onFailure(e -> events.add("failure"))
                .onFinished(() -> {
                    events.add("finished");
                    finished.countDown();
                }));
        assertTrue(started.await(5, TimeUnit.SECONDS));
        handle.cancel();
        assertTrue(finished.await(5, TimeUnit.SECONDS), "the interrupted work must end at once");
        assertEquals(List.of("finished"), events);
        assertTrue(handle.isDone());
    }

    @Test
    void workCancelledBeforeItStartsNeverRunsButStillFinishes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blockersStarted = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) { // occupy both workers
            executor.submit(BackgroundTask.of("blocker", context -> {
                blockersStarted.countDown();
                release.await();
                return null;
            }));
        }
        assertTrue(blockersStarted.await(5, TimeUnit.SECONDS));
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        TaskHandle queued = executor.submit(BackgroundTask.of("queued", context -> {
            events.add("ran");
            return null;
        }).onFinished(() -> {
            events.add("finished");
            finished.countDown();
        }));
        queued.cancel();
        release.countDown();
        assertTrue(finished.await(5, TimeUnit.SECONDS));
        Thread.sleep(200); // give a (wrong) late run the chance to show
        assertEquals(List.of("finished"), events);
    }

    @Test
    void progressReportsAreCoalescedAndTheLatestWins() throws Exception {
        CountDownLatch uiBlocked = new CountDownLatch(1);
        ui.execute(() -> {
            try {
                uiBlocked.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<Double> seen = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        CountDownLatch reported = new CountDownLatch(1);
        executor.submit(BackgroundTask.of("chatty", context -> {
            for (int i = 1; i <= 1000; i++) {
                context.progress(i / 1000.0, "step " + i);
            }
            reported.countDown();
            return null;
        }).onProgress(p -> seen.add(p.fraction())).onFinished(finished::countDown));
        assertTrue(reported.await(5, TimeUnit.SECONDS));
        uiBlocked.countDown(); // the UI thread wakes up to a backlog of one report, not a thousand
        assertTrue(finished.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(1.0), seen);
    }
}
