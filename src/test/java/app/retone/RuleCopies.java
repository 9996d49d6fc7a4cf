package app.retone;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.Histogram3D;
import app.retone.core.image.ReadableFormat;
import app.retone.core.render.Strength;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules docs/ARCHITECTURE.md gives one home each (section 5, "Where each rule lives") that a
 * copy could drift from, each with the tell-tales of a copy in the app's sources: the home's own
 * values, written out again outside it. {@link #copiesOf} finds them in every main source (the
 * Java files, comments left out, and the FXML views) but the home's file.
 *
 * <p>A tell-tale is looked for in a statement (Java, cut at {@code ;} and at braces outside
 * parentheses) or a tag (FXML) that mentions the rule's subject, so a literal with another meaning
 * ({@code 1.5} EV, {@code 32} of something else) does not count; where the value means nothing
 * else ({@code 129}), or is a list of extensions, it counts anywhere. The values come from the
 * homes themselves: change a rule there and its tell-tales follow.
 */
final class RuleCopies {

    /** A tell-tale: what a copy looks like, found in statements that match {@code subject} (null: anywhere). */
    record Telltale(String what, Pattern subject, Pattern copy) {
    }

    /** A rule, the source file that is its home, and the tell-tales of a copy elsewhere. */
    record Home(String rule, Path home, List<Telltale> telltales) {
    }

    private static final Pattern STRENGTH_SUBJECT = Pattern.compile("(?i)strength");
    private static final Pattern LUT_SUBJECT = Pattern.compile("(?i)lut");
    private static final Pattern BINS_SUBJECT = Pattern.compile("(?i)\\bbins?\\b|histogram3d|\\d³\\s*histogram");

    static final Home STRENGTH = new Home("the strength range", javaFile(Strength.class), List.of(
            new Telltale("the maximum strength (" + plain(Strength.MAX) + ", or " + plain(Strength.MAX_PERCENT) + " %)",
                    STRENGTH_SUBJECT, numbers(Strength.MAX, Strength.MAX_PERCENT))));

    static final Home LUT_SIZE = new Home("the LUT sizes", javaFile(ColorLut3D.class), List.of(
            new Telltale("the largest LUT size", null, numbers(ColorLut3D.MAX_SIZE)),
            new Telltale("the default LUT size", LUT_SUBJECT, numbers(ColorLut3D.DEFAULT_SIZE)),
            new Telltale("a comparison with the smallest LUT size", LUT_SUBJECT, comparedWith(ColorLut3D.MIN_SIZE))));

    static final Home BINS = new Home("the bins that may be asked for", javaFile(Histogram3D.class), List.of(
            new Telltale("the fewest, most or default bins", BINS_SUBJECT, numbers(Histogram3D.MIN_SUPPORTED_BINS,
                    Histogram3D.MAX_SUPPORTED_BINS, Histogram3D.DEFAULT_BINS)),
            new Telltale("a power-of-two test", BINS_SUBJECT,
                    Pattern.compile("\\b(?:bitCount|highestOneBit|lowestOneBit|numberOfTrailingZeros)\\b|&\\s*\\(\\s*\\w+\\s*-\\s*1\\s*\\)"))));

    static final Home READABLE_FORMATS = new Home("the formats Retone opens", javaFile(ReadableFormat.class), List.of(
            new Telltale("an extension no decoder names its format by (" + String.join(", ", extensionsOnly()) + ")", null,
                    Pattern.compile("(?i)\"(?:\\*?\\.)?" + alternatives(extensionsOnly()) + "\"")),
            new Telltale("a file chooser's pattern of a readable extension", null,
                    Pattern.compile("(?i)\"\\*\\." + alternatives(allExtensions()) + "\"")),
            new Telltale("file chooser's patterns of readable extensions", null,
                    Pattern.compile("(?i)\"[^\"\\n]*\\*\\." + alternatives(allExtensions()) + "\\b[^\"\\n]*\\*\\."
                            + alternatives(allExtensions()) + "\\b[^\"\\n]*\"")),
            new Telltale("extensions as a regular expression", null,
                    Pattern.compile("(?i)\"[^\"\\n]*(?:jpe\\?g|tiff\\?|\\b" + alternatives(allExtensions()) + "\\|"
                            + "|\\|" + alternatives(allExtensions()) + "\\b)[^\"\\n]*\"")),
            new Telltale("a list of extensions", null, Pattern.compile("(?i)\"\\.?" + alternatives(allExtensions())
                    + "\"\\s*,\\s*\"\\.?" + alternatives(allExtensions()) + "\""))));

    static final List<Home> ALL = List.of(STRENGTH, LUT_SIZE, BINS, READABLE_FORMATS);

    private static final Pattern STATEMENT_END = Pattern.compile("[;{}]");

    private RuleCopies() {
    }

    /** Every copy of {@code home}'s rule outside it, as "file:line: what: the text", in file order. */
    static List<String> copiesOf(Home home) {
        List<MainSource> sources = new ArrayList<>(MainSource.all());
        sources.addAll(MainSource.views());
        List<String> copies = new ArrayList<>();
        for (MainSource source : sources) {
            if (source.file().equals(home.home())) {
                continue;
            }
            Map<Integer, String> inFile = new TreeMap<>();
            for (Telltale telltale : home.telltales()) {
                for (int[] statement : statements(source)) {
                    String text = source.code().substring(statement[0], statement[1]);
                    if (telltale.subject() != null && !telltale.subject().matcher(text).find()) {
                        continue;
                    }
                    Matcher copy = telltale.copy().matcher(text);
                    while (copy.find()) {
                        int at = statement[0] + copy.start();
                        inFile.merge(at, source.where(at) + ": " + telltale.what() + ": " + copy.group().strip(),
                                (first, second) -> first);
                    }
                }
            }
            copies.addAll(inFile.values());
        }
        return copies;
    }

    /**
     * The statements of a Java file (cut at every {@code ;}, and at braces outside parentheses,
     * so an annotation stays with what it annotates) or the tags of a view, as [start, end) offsets.
     */
    static List<int[]> statements(MainSource source) {
        String names = source.names();
        List<int[]> statements = new ArrayList<>();
        int start = 0;
        int depth = 0;
        for (int i = 0; i < names.length(); i++) {
            char c = names.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            boolean end = source.isJava() ? c == ';' || (depth <= 0 && (c == '{' || c == '}')) : c == '>';
            if (end) {
                statements.add(new int[] {start, i + 1});
                start = i + 1;
            }
        }
        statements.add(new int[] {start, names.length()});
        return statements;
    }

    /** Any of {@code values} as a number in code or text ("1.5", "1.50", "150", "150.0", "150d"), not part of another. */
    private static Pattern numbers(double... values) {
        String any = Arrays.stream(values).mapToObj(value -> {
            String plain = plain(value);
            int dot = plain.indexOf('.');
            return dot < 0 ? Pattern.quote(plain) + "(?:\\.0*)?"
                    : Pattern.quote(plain.substring(0, dot)) + "\\." + Pattern.quote(plain.substring(dot + 1)) + "0*";
        }).collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\w$]|\\d\\.)(?:" + any + ")[dDfFlL]?(?!\\w|\\.\\d)");
    }

    private static Pattern comparedWith(int value) {
        String number = "(?<![\\w.])" + value + "(?![\\w.])";
        return Pattern.compile("[<>]=?\\s*" + number + "|" + number + "\\s*[<>]");
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The extensions that are no format's name ("jpg", "jpe", "tif"): a decoder never gives them, only a list of files does. */
    private static Set<String> extensionsOnly() {
        Set<String> only = allExtensions();
        Arrays.stream(ReadableFormat.values()).map(ReadableFormat::formatName).forEach(only::remove);
        return only;
    }

    private static Set<String> allExtensions() {
        Set<String> all = new TreeSet<>();
        Arrays.stream(ReadableFormat.values()).forEach(format -> all.addAll(format.extensions()));
        return all;
    }

    private static String alternatives(Set<String> words) {
        return words.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
    }

    private static Path javaFile(Class<?> type) {
        return MainSource.ROOT.resolve(type.getName().replace('.', '/') + ".java");
    }
}
