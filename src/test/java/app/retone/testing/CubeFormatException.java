package app.retone.testing;

import java.io.IOException;

/** A {@code .cube} file {@link CubeReader} cannot read; the message names the line. */
public final class CubeFormatException extends IOException {
    public CubeFormatException(String message) {
        super(message);
    }
}
