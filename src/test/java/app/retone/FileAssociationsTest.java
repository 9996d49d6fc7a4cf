package app.retone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.ReadableFormat;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The formats the installers offer Retone for (Open With) are readable formats, each with all its
 * extensions, and every list of them in {@code packaging/} and the pom names the same ones.
 *
 * <p>The association files ({@code packaging/file-associations/FORMAT.properties}, jpackage's, for
 * Windows and macOS) say which formats are associated; {@link ReadableFormat} says what each is
 * (its extensions, the usual one first, and its name). Not every readable format is associated, by
 * design: BMP and GIF open in Retone but are no photographer's formats, so the installers do not
 * put Retone among the programs for them. What must hold is that an associated format is one
 * Retone reads, with every extension Retone reads it by, and that the Linux desktop entry, the
 * AppStream metadata, the macOS document types and both jpackage profiles of the pom agree with
 * the association files.
 */
class FileAssociationsTest {

    private static final Path PACKAGING = Path.of("packaging");
    private static final Path ASSOCIATIONS = PACKAGING.resolve("file-associations");

    /** One association file, read, with the readable format its extensions name. */
    private record Association(Path file, ReadableFormat format, List<String> extensions, String mimeType, String description) {
    }

    @Test
    void everyAssociatedFormatIsReadableWithEveryExtensionItIsReadBy() throws IOException {
        List<Association> associations = associations();
        assertTrue(associations.size() >= 1, "association files in " + ASSOCIATIONS);
        for (Association association : associations) {
            ReadableFormat format = association.format();
            assertEquals(format.extensions(), association.extensions(),
                    association.file() + ": the format's extensions as ReadableFormat lists them, the usual one first");
            assertEquals("image/" + format.formatName(), association.mimeType(), association.file() + ": its MIME type");
            assertEquals(format.displayName() + " photo", association.description(), association.file() + ": its description");
            assertEquals(format.formatName() + ".properties", String.valueOf(association.file().getFileName()),
                    "an association file is named after its format");
        }
    }

    @Test
    void everyListOfTheAssociatedFormatsInThePackagingNamesTheSameOnes() throws IOException {
        List<Association> associations = associations();
        Set<String> mimeTypes = associations.stream().map(Association::mimeType).collect(Collectors.toCollection(TreeSet::new));

        String desktop = Files.readString(PACKAGING.resolve("linux/retone.desktop"));
        Matcher mimeLine = Pattern.compile("(?m)^MimeType=(.*)$").matcher(desktop);
        assertTrue(mimeLine.find(), "the desktop entry has a MimeType line");
        assertEquals(mimeTypes, new TreeSet<>(Arrays.stream(mimeLine.group(1).split(";")).filter(s -> !s.isBlank()).toList()),
                "retone.desktop's MimeType: on Linux, the association");

        assertEquals(mimeTypes, allOf("<mediatype>([^<]+)</mediatype>",
                Files.readString(PACKAGING.resolve("linux/app.retone.Retone.metainfo.xml"))), "the AppStream metadata's media types");

        Set<String> names = associations.stream().map(a -> a.format().displayName()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(names, allOf("<key>CFBundleTypeName</key>\\s*<string>(\\S+) [^<]*</string>",
                Files.readString(PACKAGING.resolve("macos/Info.plist"))), "the macOS document types");

        Set<String> files = associations.stream().map(a -> String.valueOf(a.file().getFileName()))
                .collect(Collectors.toCollection(TreeSet::new));
        Matcher profiles = Pattern.compile("(?s)<fileAssociations>(.*?)</fileAssociations>").matcher(Files.readString(Path.of("pom.xml")));
        int blocks = 0;
        while (profiles.find()) {
            blocks++;
            assertEquals(files, allOf("file-associations/([^<]+)</fileAssociation>", profiles.group(1)),
                    "the pom's fileAssociations, block " + blocks);
        }
        assertEquals(2, blocks, "the pom's Windows and macOS profiles each list the associations");
    }

    private static List<Association> associations() throws IOException {
        List<Association> associations = new ArrayList<>();
        try (Stream<Path> files = Files.list(ASSOCIATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).sorted().toList()) {
                Properties properties = new Properties();
                try (Reader in = Files.newBufferedReader(file)) {
                    properties.load(in);
                }
                // jpackage splits the extensions at spaces and commas
                List<String> extensions = List.of(properties.getProperty("extension", "").trim().split("[,\\s]+"));
                Optional<ReadableFormat> format = ReadableFormat.ofExtension(extensions.get(0));
                assertTrue(format.isPresent(), file + ": ." + extensions.get(0) + " is no format Retone reads");
                associations.add(new Association(file, format.get(), extensions, properties.getProperty("mime-type"),
                        properties.getProperty("description")));
            }
        }
        return associations;
    }

    private static Set<String> allOf(String regex, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1).trim());
        }
        return found;
    }
}
