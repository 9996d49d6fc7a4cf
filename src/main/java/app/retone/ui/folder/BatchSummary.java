package app.retone.ui.folder;

import app.retone.core.render.PhotoBatch;
import app.retone.ui.editor.Notice;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How a batch export ended, as the user reads it: the photos written, skipped and failed, by name
 * (those skipped and failed with why), and how many a cancel left untried. A large batch lists the
 * first {@link #NAMES_LISTED} photos of each group and counts the rest ("and 12 more"), so the
 * summary stays a few lines whatever the batch's size.
 *
 * @param written      the photos written, in the batch's order
 * @param skipped      the photos skipped, in order, each with why
 * @param failures     the photos that could not be exported, in order, each with why
 * @param notAttempted the photos a cancel left untried
 */
public record BatchSummary(List<String> written, List<NotWritten> skipped, List<NotWritten> failures, int notAttempted) {

    /** The photos of each group named in {@link #text}; the rest of the group are counted. */
    static final int NAMES_LISTED = 5;

    /** A photo that was not written, and why. */
    public record NotWritten(String photo, String reason) {
    }

    /**
     * The summary of a batch's tally ({@link PhotoBatch.Tally}, the one account of what became of
     * each photo), the photos named by {@code name}.
     */
    static <T> BatchSummary of(PhotoBatch.Tally<T> tally, Function<T, String> name) {
        List<String> written = new ArrayList<>();
        List<NotWritten> skipped = new ArrayList<>();
        for (PhotoBatch.Done<T> done : tally.done()) {
            if (done.outcome().written()) {
                written.add(name.apply(done.photo()));
            } else {
                skipped.add(new NotWritten(name.apply(done.photo()), done.outcome().account()));
            }
        }
        List<NotWritten> failures = tally.failures().stream()
                .map(f -> new NotWritten(name.apply(f.photo()), Notice.reason(f.error()))).toList();
        return new BatchSummary(written, skipped, failures, tally.notAttempted());
    }

    public BatchSummary {
        written = List.copyOf(written);
        skipped = List.copyOf(skipped);
        failures = List.copyOf(failures);
    }

    /**
     * The account the user reads: a line of counts, then the photos exported, skipped (why) and
     * failed (why), each group cut after {@link #NAMES_LISTED} names.
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append(written.size()).append(written.size() == 1 ? " photo exported" : " photos exported");
        if (!skipped.isEmpty()) {
            text.append(", ").append(skipped.size()).append(" skipped");
        }
        if (!failures.isEmpty()) {
            text.append(", ").append(failures.size()).append(" failed");
        }
        if (notAttempted > 0) {
            text.append(", ").append(notAttempted).append(" not exported (cancelled)");
        }
        text.append('.');
        if (!written.isEmpty()) {
            text.append("\nExported: ").append(String.join(", ", written.subList(0, Math.min(NAMES_LISTED, written.size()))));
            more(text, written.size(), " and ");
        }
        list(text, "Skipped:", skipped);
        list(text, "Failed:", failures);
        return text.toString();
    }

    private static void list(StringBuilder text, String heading, List<NotWritten> photos) {
        if (photos.isEmpty()) {
            return;
        }
        text.append('\n').append(heading);
        photos.stream().limit(NAMES_LISTED).forEach(p -> text.append("\n• ").append(p.photo()).append(": ").append(p.reason()));
        more(text, photos.size(), "\n• and ");
    }

    private static void more(StringBuilder text, int count, String before) {
        if (count > NAMES_LISTED) {
            text.append(before).append(count - NAMES_LISTED).append(" more");
        }
    }
}
