package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one list of the formats Retone opens, and that every list of them is this one. */
class ReadableFormatTest {

    @TempDir
    Path dir;

    @Test
    void theNamesConstantIsTheList() {
        assertEquals(Arrays.stream(ReadableFormat.values()).map(ReadableFormat::displayName).collect(Collectors.joining(", ")),
                ReadableFormat.NAMES);
        assertEquals("JPEG, PNG, TIFF, WebP, BMP or GIF", ReadableFormat.names("or"));
    }

    @Test
    void everyExtensionOfTheListNamesItsFormatInAnyCase() {
        assertEquals(Optional.of(ReadableFormat.JPEG), ReadableFormat.ofPath(Path.of("a.jpe")));
        assertEquals(Optional.of(ReadableFormat.JPEG), ReadableFormat.ofPath(Path.of("a.JPEG")));
        assertEquals(Optional.of(ReadableFormat.TIFF), ReadableFormat.ofPath(Path.of("scan.Tif")));
        assertEquals(Optional.of(ReadableFormat.WEBP), ReadableFormat.ofPath(Path.of("phone.webp")));
        assertEquals(Optional.empty(), ReadableFormat.ofPath(Path.of("raw.cr3")));
        assertEquals(Optional.empty(), ReadableFormat.ofPath(Path.of(".jpg")), "a hidden file's name is not an extension");
        assertFalse(ReadableFormat.hasReadableName(Path.of("notes.txt")));
    }

    @Test
    void theDialogsPatternsAreEveryExtensionInBothCases() {
        List<String> globs = ReadableFormat.globs();
        for (ReadableFormat format : ReadableFormat.values()) {
            for (String ext : format.extensions()) {
                assertTrue(globs.contains("*." + ext) && globs.contains("*." + ext.toUpperCase()), ext);
            }
        }
        assertTrue(globs.contains("*.jpe") && globs.contains("*.JPE"), "the extension once listed in one place only");
    }

    @Test
    void theExportFormatsAreReadableFormatsWithTheirExtensions() {
        for (ImageFormat format : ImageFormat.values()) {
            assertEquals(format.asRead().extensions(), format.extensions());
            assertEquals(Optional.of(format), ImageFormat.of(format.asRead()));
            assertEquals(Optional.of(format), ImageFormat.fromPath(Path.of("x." + format.defaultExtension())));
        }
        assertEquals(Optional.of(ImageFormat.JPEG), ImageFormat.fromName("jpe"));
        assertEquals(List.of(ReadableFormat.WEBP, ReadableFormat.BMP, ReadableFormat.GIF), ImageFormat.readNotWritten());
    }

    @Test
    void aDecodersFormatNameIsRetones() {
        assertEquals("jpeg", ReadableFormat.formatNameOf("JPEG"));
        assertEquals("jpeg", ReadableFormat.formatNameOf("jpg"));
        assertEquals("jpeg", ReadableFormat.formatNameOf("jpeg-lossless"));
        assertEquals("tiff", ReadableFormat.formatNameOf("TIF"));
        assertEquals("webp", ReadableFormat.formatNameOf("WebP"));
        assertEquals("wbmp", ReadableFormat.formatNameOf("WBMP"), "a format outside the list keeps its name");
    }

    @Test
    void aFolderListsEveryReadableExtensionAndNothingElse() throws IOException {
        for (ReadableFormat format : ReadableFormat.values()) {
            for (String ext : format.extensions()) {
                Files.writeString(dir.resolve("photo-" + ext + "." + ext), "x");
            }
        }
        Files.writeString(dir.resolve("notes.txt"), "x");
        long extensions = Arrays.stream(ReadableFormat.values()).mapToLong(f -> f.extensions().size()).sum();
        List<Path> listed = PhotoFolder.list(dir);
        assertEquals(extensions, listed.size());
        assertTrue(listed.stream().anyMatch(p -> p.getFileName().toString().endsWith(".jpe")));
    }
}
