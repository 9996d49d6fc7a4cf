package app.retone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One main source file, read as the house checks read it: a Java file under {@code src/main/java}
 * ({@link #all()}) or an FXML view under {@code src/main/resources} ({@link #views()}).
 * {@link #code()} is its text with every comment (javadoc too) blanked out, {@link #names()} is
 * that with the inside of every string and character literal blanked out as well (for a view, the
 * same as the code). Blanks keep each line's length and every line break, so an offset in either
 * is the same line of the file.
 *
 * @param className for a Java file, its top-level class's fully qualified name; for a view, its path
 */
record MainSource(Path file, String className, String code, String names) {

    static final Path ROOT = Path.of("src/main/java");
    static final Path RESOURCES = Path.of("src/main/resources");

    /** A package or import line; for an import, group 2 is "static", 3 the name, 4 ".*" for a whole package. */
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*(package\\s+[\\w.]+|import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?)\\s*;");
    private static final Pattern PERMITS = Pattern.compile("\\bpermits\\b[^{]*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("(?<![\\w$.])[A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)*");

    /** Every Java file of the app, in path order. */
    static List<MainSource> all() {
        return walk(ROOT, ".java").stream().map(MainSource::read).toList();
    }

    /** Every FXML view of the app, in path order. */
    static List<MainSource> views() {
        return walk(RESOURCES, ".fxml").stream().map(file -> {
            String text = textOf(file);
            StringBuilder code = new StringBuilder(text);
            for (int at = text.indexOf("<!--"); at >= 0; at = text.indexOf("<!--", at + 1)) {
                blank(code, at, endOf(text, "-->", at + 4));
            }
            return new MainSource(file, file.toString(), code.toString(), code.toString());
        }).toList();
    }

    /** Whether this is a Java file (else a view). */
    boolean isJava() {
        return file.toString().endsWith(".java");
    }

    static MainSource read(Path file) {
        String text = textOf(file);
        String relative = ROOT.relativize(file).toString();
        String className = relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
        StringBuilder code = new StringBuilder(text);
        StringBuilder names = new StringBuilder(text);
        int i = 0;
        while (i < text.length()) {
            int end;
            if (text.startsWith("//", i)) {
                end = text.indexOf('\n', i) < 0 ? text.length() : text.indexOf('\n', i);
                blank(code, i, end);
                blank(names, i, end);
            } else if (text.startsWith("/*", i)) {
                end = endOf(text, "*/", i + 2);
                blank(code, i, end);
                blank(names, i, end);
            } else if (text.startsWith("\"\"\"", i)) {
                end = endOfLiteral(text, "\"\"\"", i + 3);
                blank(names, i + 3, end - 3);
            } else if (text.charAt(i) == '"' || text.charAt(i) == '\'') {
                String quote = String.valueOf(text.charAt(i));
                end = endOfLiteral(text, quote, i + 1);
                blank(names, i + 1, end - 1);
            } else {
                end = i + 1;
            }
            i = end;
        }
        return new MainSource(file, className, code.toString(), names.toString());
    }

    /**
     * The other classes among {@code topLevelClasses} (fully qualified names) that this file names in
     * its code: by an import, by the simple name of a class of its own package or of one it imports,
     * or by a qualified name. A sealed type's {@code permits} list is not counted (see {@link
     * ClassCycles}). Unlike the bytecode, this sees the compile-time constants javac copies.
     */
    Set<String> namedClasses(Set<String> topLevelClasses) {
        String ownPackage = className.substring(0, className.lastIndexOf('.'));
        Map<String, String> bySimpleName = new HashMap<>();
        List<String> wholePackages = new ArrayList<>(List.of(ownPackage));
        Set<String> named = new TreeSet<>();
        Matcher imports = IMPORT.matcher(names);
        while (imports.find()) {
            String name = imports.group(3);
            if (name == null) {
                continue; // the package line
            }
            if (imports.group(4) != null && imports.group(2) == null) {
                wholePackages.add(name);
                continue;
            }
            String imported = topLevelOf(name, topLevelClasses);
            if (imported != null) {
                named.add(imported);
                bySimpleName.put(name.substring(name.lastIndexOf('.') + 1), imported);
            }
        }
        String body = PERMITS.matcher(IMPORT.matcher(names).replaceAll("")).replaceAll(" ");
        Matcher qualified = QUALIFIED_NAME.matcher(body);
        while (qualified.find()) {
            String name = qualified.group().replaceAll("\\s+", "");
            String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            String found = topLevelOf(name, topLevelClasses);
            if (found == null) {
                found = bySimpleName.get(first);
            }
            for (int p = 0; found == null && p < wholePackages.size(); p++) {
                String candidate = wholePackages.get(p) + "." + first;
                found = topLevelClasses.contains(candidate) ? candidate : null;
            }
            if (found != null) {
                named.add(found);
            }
        }
        named.remove(className);
        return named;
    }

    /** The longest start of {@code name} that is one of {@code topLevelClasses}, or null. */
    private static String topLevelOf(String name, Set<String> topLevelClasses) {
        for (String prefix = name; ; prefix = prefix.substring(0, prefix.lastIndexOf('.'))) {
            if (topLevelClasses.contains(prefix)) {
                return prefix;
            }
            if (!prefix.contains(".")) {
                return null;
            }
        }
    }

    private static List<Path> walk(Path root, String suffix) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String textOf(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line of the file an offset into {@link #code()} or {@link #names()} is on, from 1. */
    int lineAt(int offset) {
        return (int) code.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Where {@code file:line} is, as a reader finds it. */
    String where(int offset) {
        return file + ":" + lineAt(offset);
    }

    private static int endOf(String text, String closing, int from) {
        int at = text.indexOf(closing, from);
        return at < 0 ? text.length() : at + closing.length();
    }

    private static int endOfLiteral(String text, String closing, int from) {
        int i = from;
        while (i < text.length() && !text.startsWith(closing, i)) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(text.length(), i + closing.length());
    }

    private static void blank(StringBuilder text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != '\n') {
                text.setCharAt(i, ' ');
            }
        }
    }
}
