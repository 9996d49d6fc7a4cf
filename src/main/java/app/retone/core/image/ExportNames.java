package app.retone.core.image;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The names exports are given: a pattern in which {@code {name}} is the photo's file name
 * without its extension and {@code {n}} its number in a batch (001, 002, …), followed by the
 * format's extension. One rule for the single export's suggested name and for a batch.
 */
public final class ExportNames {

    /** "beach.jpg" exports as "beach-retone.jpg". */
    public static final String DEFAULT_PATTERN = "{name}-retone";

    private static final String FORBIDDEN = "/\\:*?\"<>|";

    private ExportNames() {
    }

    /** Why {@code pattern} cannot name files (empty when it can): it must name each photo apart, and stay in the folder. */
    public static Optional<String> problem(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return Optional.of("the file name pattern is empty");
        }
        if (!pattern.contains("{name}") && !pattern.contains("{n}")) {
            return Optional.of("the pattern must contain {name} or {n}, or every photo would get the same name");
        }
        String literal = pattern.replace("{name}", "").replace("{n}", "");
        for (char c : literal.toCharArray()) {
            if (FORBIDDEN.indexOf(c) >= 0 || c < 32) {
                return Optional.of("the pattern may not contain '" + (c < 32 ? "a control character" : String.valueOf(c))
                        + "' (file names only: the folder is chosen apart)");
            }
        }
        if (literal.strip().equals(".") || literal.strip().equals("..") || pattern.startsWith(".")) {
            return Optional.of("the pattern would make hidden or special file names");
        }
        return Optional.empty();
    }

    /** The file name for {@code source} (the {@code number}-th of a batch, from 1), in {@code format}. */
    public static String fileName(String pattern, Path source, int number, ImageFormat format) {
        if (problem(pattern).isPresent()) {
            throw new IllegalArgumentException(problem(pattern).get());
        }
        return pattern.replace("{name}", baseName(source)).replace("{n}", String.format(Locale.ROOT, "%03d", number))
                + "." + format.defaultExtension();
    }

    /** A file's name without its last extension ("photo" for none). */
    public static String baseName(Path source) {
        String name = source == null || source.getFileName() == null ? "photo" : source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
