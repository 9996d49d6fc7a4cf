package app.retone;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Retone's version, as the pom gives it (the one home: its {@code revision}), filled into version.properties at build. */
public final class Version {

    private static final String VERSION = read();

    private Version() {
    }

    /** "0.1.0". */
    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.contains("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
