package app.retone.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
