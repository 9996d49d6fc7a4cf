package app.retone.core.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Tries every photo of a batch, in order: the one loop of the command line's {@code transfer} and
 * {@code enhance} and of the app's batch export. A photo whose job throws (an exception or an
 * {@link OutOfMemoryError}) is a failure, kept with its error, and the next photo is tried. A
 * cancellation stops the batch, and that photo and the rest are not attempted: the listener says
 * it is cancelled (asked before each photo, and after a job that threw, so that what a cancel broke
 * is no failure), or the job throws {@link CancellationException} or {@link InterruptedException}.
 * What is done with each photo ({@link Job}) and how the progress shows ({@link Listener}) are the
 * caller's.
 *
 * <p>One batch runs once. Its {@link #tally} may be read from another thread at any time, also
 * after a run that ended by a throw.
 *
 * @param <T> what the caller knows of a photo (its path, or the path with its destination and settings)
 */
public final class PhotoBatch<T> {

    /**
     * What became of a photo that did not fail.
     *
     * @param written whether a file was written (else the photo was skipped)
     * @param account a short account for a person: the file written, or why the photo was skipped
     */
    public record Outcome(boolean written, String account) {

        public Outcome {
            Objects.requireNonNull(account, "account");
        }

        public static Outcome written(String what) {
            return new Outcome(true, what);
        }

        public static Outcome skipped(String why) {
            return new Outcome(false, why);
        }
    }

    /** The work of one photo. */
    @FunctionalInterface
    public interface Job<T> {
        Outcome run(T photo) throws Exception;
    }

    /** Hears the batch as it goes, on the batch's thread; every method does nothing unless overridden. */
    public interface Listener<T> {

        /**
         * Whether the batch is to stop: asked before each photo, and after a photo's job threw (then
         * true makes the error the cancellation's, not the photo's failure).
         */
        default boolean cancelled() {
            return false;
        }

        /** Photo {@code index} (from 0) of {@code total} is about to be tried. */
        default void trying(int index, int total, T photo) {
        }

        /** The photo's job returned {@code outcome} after {@code nanos}. */
        default void done(T photo, Outcome outcome, long nanos) {
        }

        /** The photo's job threw {@code error}; the batch goes on. */
        default void failed(T photo, Throwable error) {
        }
    }

    /** A photo whose job threw, and what it threw. */
    public record Failure<T>(T photo, Throwable error) {
    }

    /** A photo the job ran on to its end, and what became of it. */
    public record Done<T>(T photo, Outcome outcome) {
    }

    /**
     * Where a batch stands.
     *
     * @param total     the photos of the batch
     * @param done      photos the job ran on to its end (written or skipped), in order
     * @param failures  photos whose job threw, in order
     * @param attempted photos tried so far (written, skipped or failed)
     */
    public record Tally<T>(int total, List<Done<T>> done, List<Failure<T>> failures, int attempted) {

        public Tally {
            done = List.copyOf(done);
            failures = List.copyOf(failures);
        }

        /** Photos whose file was written. */
        public int written() {
            return (int) done.stream().filter(d -> d.outcome().written()).count();
        }

        /** Photos the job skipped. */
        public int skipped() {
            return done.size() - written();
        }

        /** Photos never tried: the batch was cancelled before them, or is still running. */
        public int notAttempted() {
            return total - attempted;
        }

        /** Whether every photo was tried and none failed. */
        public boolean allSucceeded() {
            return failures.isEmpty() && attempted == total;
        }
    }

    private final List<T> photos;
    private final List<Done<T>> done = new ArrayList<>();
    private final List<Failure<T>> failures = new ArrayList<>();
    private int attempted;
    private boolean started;

    public PhotoBatch(List<T> photos) {
        this.photos = List.copyOf(photos);
    }

    /** Tries every photo with {@code job}, telling {@code listener}; returns the tally at the end. */
    public Tally<T> run(Job<T> job, Listener<T> listener) {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("a batch runs once");
            }
            started = true;
        }
        int total = photos.size();
        for (int i = 0; i < total; i++) {
            if (listener.cancelled()) {
                break;
            }
            T photo = photos.get(i);
            listener.trying(i, total, photo);
            long start = System.nanoTime();
            Outcome outcome;
            try {
                outcome = Objects.requireNonNull(job.run(photo), "a job's outcome");
            } catch (CancellationException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the caller sees the cancellation too
                break;
            } catch (Exception | OutOfMemoryError e) {
                if (listener.cancelled()) {
                    break; // what the cancellation broke (a closed channel) is no failure of the photo
                }
                synchronized (this) {
                    failures.add(new Failure<>(photo, e));
                    attempted++;
                }
                listener.failed(photo, e);
                continue;
            }
            synchronized (this) {
                done.add(new Done<>(photo, outcome));
                attempted++;
            }
            listener.done(photo, outcome, System.nanoTime() - start);
        }
        return tally();
    }

    /** Where the batch stands now. */
    public synchronized Tally<T> tally() {
        return new Tally<>(photos.size(), done, failures, attempted);
    }
}
