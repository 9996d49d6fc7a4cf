package app.retone.core.color;

import java.io.IOException;

/** A {@code .cube} file that cannot be read; the message names the line. */
public final class CubeFormatException extends IOException {
    public CubeFormatException(String message) {
        super(message);
    }
}
