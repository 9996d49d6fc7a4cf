package app.retone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README stays a user's page (at most 300 lines) and every link in it and in {@code docs/}
 * leads somewhere: a relative link to a file that exists, and a {@code #fragment} to a heading of
 * that file (GitHub's anchors: lower case, punctuation dropped, spaces as hyphens). No page writes
 * the version, and every type docs/ARCHITECTURE.md names exists.
 */
class DocsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*$");
    /** A word that names a type: upper case, then lower case; not an option's, a pattern's or a namespace's. */
    private static final Pattern TYPE_NAME = Pattern.compile("(?<![\\w$*:-])[A-Z][a-z][A-Za-z0-9]*");
    /** A type declared in a Java file (group 1), or one it imports (group 2). */
    private static final Pattern DECLARED_OR_IMPORTED = Pattern.compile(
            "\\b(?:class|interface|enum|record)\\s+([A-Z]\\w*)|(?m)^import\\s+(?:static\\s+)?[\\w.]*?\\.([A-Z]\\w*)");

    @Test
    void theReadmeIsAUsersPageOfAtMost300Lines() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
        assertTrue(lines.size() <= 300, "README.md has " + lines.size() + " lines; move details to docs/");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("## Install")), "README has an Install section");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("## The command line")), "README shows the command line");
    }

    @Test
    void everyLinkInTheReadmeAndDocsLeadsSomewhere() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher links = LINK.matcher(Files.readString(page));
            while (links.find()) {
                String target = links.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // http:, https:, mailto: — outside the repository
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(linked)) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such file)");
                } else if (hash >= 0 && linked.toString().endsWith(".md")
                        && !anchorsOf(linked).contains(target.substring(hash + 1))) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken, "links that lead nowhere");
    }

    /**
     * The version's one home is the pom's {@code revision} (the app reads it through
     * {@code Version}): no page writes it out, so none is left behind by a release.
     */
    @Test
    void noPageWritesTheVersion() throws IOException {
        Matcher revision = Pattern.compile("<revision>([^<]+)</revision>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(revision.find(), "the pom has a revision");
        Pattern version = Pattern.compile("(?<![\\d.])" + Pattern.quote(revision.group(1)) + "(?![\\d])");
        List<String> pages = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Stream.of(ROOT.resolve("README.md")),
                Stream.concat(Files.walk(ROOT.resolve("docs")), Files.walk(ROOT.resolve("packaging"))))) {
            for (Path page : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                if (version.matcher(Files.readString(page)).find()) {
                    pages.add(String.valueOf(ROOT.relativize(page)));
                }
            }
        }
        assertEquals(List.of(), pages, "pages that write the version " + revision.group(1) + " (say VERSION and where it comes from)");
    }

    /**
     * Every type docs/ARCHITECTURE.md names in backticks exists: a word in code spans that starts
     * upper case then lower case ({@code PhotoLoader}, {@code core.render.Strength}, {@code
     * ExportJob.Photos}), not after {@code -} (an option), {@code *} (a pattern) or {@code :} (a
     * namespace), is a type declared under {@code src/}, a type the code imports (JavaFX's {@code
     * Platform}), or a file there ({@code MainView.fxml}). A class renamed or removed leaves the
     * document false, and this says where.
     */
    @Test
    void everyTypeTheArchitectureNamesExists() throws IOException {
        Set<String> known = new HashSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("src"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = String.valueOf(file.getFileName());
                known.add(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
                if (name.endsWith(".java")) {
                    Matcher declared = DECLARED_OR_IMPORTED.matcher(Files.readString(file));
                    while (declared.find()) {
                        known.add(declared.group(1) != null ? declared.group(1) : declared.group(2));
                    }
                }
            }
        }
        String page = Files.readString(ROOT.resolve("docs/ARCHITECTURE.md")).replaceAll("(?s)```.*?```", "");
        Set<String> unknown = new TreeSet<>();
        Matcher spans = Pattern.compile("`([^`\\n]+)`").matcher(page);
        while (spans.find()) {
            Matcher types = TYPE_NAME.matcher(spans.group(1));
            while (types.find()) {
                if (!known.contains(types.group())) {
                    unknown.add(types.group() + " (in `" + spans.group(1) + "`)");
                }
            }
        }
        assertEquals(Set.of(), unknown, "types docs/ARCHITECTURE.md names that are nowhere under src/");
    }

    @Test
    void anchorsFollowGithubsRule() {
        assertEquals("the-first-run", anchor("The first run"));
        assertEquals("size-of-the-installers", anchor("Size of the installers"));
        assertEquals("decoding-a-jpeg-whole-or-reduced", anchor("Decoding a JPEG: whole, or reduced"));
    }

    private static Set<String> anchorsOf(Path page) throws IOException {
        Set<String> anchors = new HashSet<>();
        boolean inCode = false;
        for (String line : Files.readAllLines(page)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            }
            Matcher heading = HEADING.matcher(line);
            if (!inCode && heading.matches()) {
                String anchor = anchor(heading.group(1));
                String unique = anchor;
                for (int n = 1; !anchors.add(unique); n++) {
                    unique = anchor + "-" + n;
                }
            }
        }
        return anchors;
    }

    private static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }
}
