package app.retone.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The text a user reads for a failure, from the one place both front ends use. */
class ErrorsTest {

    @Test
    void theMessageIsTheTextAndAnExceptionWithoutOneIsNamedByItsType() {
        assertEquals("the disk is full", Errors.message(new IOException("the disk is full")));
        assertEquals("IllegalStateException", Errors.message(new IllegalStateException()));
        assertEquals("IOException", Errors.message(new IOException("  ")));
        assertEquals("first second", Errors.oneLine(new IOException("first\nsecond")));
    }

    @Test
    void aQuotedCauseIsOneShortPrintableLineWithItsRootCause() {
        assertEquals("bad chunk 'ab?' (no newline)", Errors.printable("bad \nchunk\t 'ab\u0007' (no newline)"));
        assertEquals("a b", Errors.printable("a\u2028b"));
        assertEquals("(no details)", Errors.printable(null));
        assertEquals("(no details)", Errors.printable("\r\n"));
        String cut = Errors.printable("x".repeat(5000));
        assertEquals(Errors.MAX_QUOTED + 3, cut.length());
        assertTrue(cut.endsWith("..."));

        assertEquals("cannot decode: Premature end of file",
                Errors.describe(new IOException("cannot decode", new java.io.EOFException("Premature end of file"))));
        assertEquals("cannot decode: Premature end", Errors.describe(new IOException("cannot decode: Premature end",
                new java.io.EOFException("Premature end"))), "a root cause already said is not said twice");
        assertEquals("EOFException", Errors.describe(new java.io.EOFException()));
    }
}
