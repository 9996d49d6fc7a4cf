package app.retone.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** What the fuzz tests check besides "no unexpected exception": messages and memory. */
final class FuzzChecks {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Work whose allocation is measured. */
    interface Work {
        void run() throws Exception;
    }

    private FuzzChecks() {
    }

    /**
     * A message for a person: present, not blank, one line of text (no line breaks, and no
     * control characters a file could smuggle into a terminal).
     */
    static String assertOneLine(Throwable e) {
        String message = e.getMessage();
        assertNotNull(message, () -> e.getClass().getSimpleName() + " without a message");
        assertFalse(message.isBlank(), () -> e.getClass().getSimpleName() + " with a blank message");
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                fail(String.format(Locale.ROOT, "message holds the control character U+%04X: %s",
                        (int) c, message.replaceAll("\\p{Cntrl}", "?")));
            }
        }
        return message;
    }

    /**
     * Fails when {@code work} allocates more than {@code limit} bytes (all of it, garbage
     * included). The first run of a code path also pays for loading and instrumenting its
     * classes, so a run over the limit is measured again before it counts.
     */
    static void assertAllocatesAtMost(long limit, String what, Work work) throws Exception {
        long used = measure(work);
        if (used > limit) {
            used = measure(work);
        }
        if (used > limit) {
            fail(String.format(Locale.ROOT, "%s allocated %d MB, more than the %d MB it may",
                    what, used >> 20, limit >> 20));
        }
    }

    private static long measure(Work work) throws Exception {
        long before = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        work.run();
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    }
}
