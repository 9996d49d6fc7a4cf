package app.retone.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** For the test-scope programs (timings, screenshots) that drive the window from their own thread. */
final class FxTools {

    private FxTools() {
    }

    /** Starts JavaFX for a program that is not an {@code Application}, and waits until it runs. */
    static void startPlatform() throws InterruptedException {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
    }

    /** Runs {@code action} on the FX thread and waits for it; its exception is rethrown here. */
    static void onFx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        done.get(60, TimeUnit.SECONDS);
    }
}
