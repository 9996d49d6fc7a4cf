package app.retone.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The app's one line for a failure: the shared error text, and the heap a photo did not fit in. */
class NoticeReasonTest {

    @Test
    void theAppKeepsLineBreaksAndNamesTheHeapAPhotoDidNotFit() {
        assertEquals("first\nsecond", Notice.reason(new IOException("first\nsecond")));
        assertEquals("NullPointerException", Notice.reason(new NullPointerException()));
        String memory = Notice.reason(new OutOfMemoryError("Java heap space"));
        assertEquals(true, memory.startsWith("not enough memory for this photo (the app's heap is "), memory);
    }
}
