package app.retone.core.sidecar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.render.Develop;
import app.retone.core.render.PhotoSettings;
import app.retone.core.render.TargetKind;
import app.retone.testing.ExifTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sidecars: what is written is read back, other programs read it, and a sidecar that is not Retone's is never lost. */
class SidecarTest {

    @TempDir
    Path dir;

    private Path photo(String name) throws Exception {
        return Files.write(dir.resolve(name), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
    }

    private static final PhotoSettings EDITED = new PhotoSettings(TargetKind.MODEL, null, 0.8, true,
            new Develop(0.5, 20, -30, 40, 5, -5, 15, -8, 25, -10), 4);

    @Test
    void theSidecarIsNamedAfterThePhotosWholeNameSoTwoFormatsNeverShareOne() {
        assertEquals(dir.resolve("photo.jpg.xmp"), Sidecar.of(dir.resolve("photo.jpg")));
        assertEquals(dir.resolve("photo.png.xmp"), Sidecar.of(dir.resolve("photo.png")));
    }

    @Test
    void whatIsWrittenIsReadBackAndThePhotoIsNeverTouched() throws Exception {
        Path photo = photo("a.jpg");
        byte[] before = Files.readAllBytes(photo);
        long modified = Files.getLastModifiedTime(photo).toMillis();
        assertEquals(Optional.empty(), Sidecar.read(photo), "no sidecar yet");
        Sidecar.write(photo, EDITED);
        assertEquals(Optional.of(EDITED), Sidecar.read(photo));
        Path reference = Files.createDirectories(dir.resolve("looks")).resolve("sunset.jpg");
        PhotoSettings matched = new PhotoSettings(TargetKind.REFERENCE, reference, 1.2, false, Develop.NEUTRAL, 0);
        Sidecar.write(photo, matched);
        assertEquals(Optional.of(matched), Sidecar.read(photo));
        String xml = Files.readString(Sidecar.of(photo), StandardCharsets.UTF_8);
        assertTrue(xml.contains("looks/sunset.jpg") && !xml.contains(dir.toString()), "a reference below the photo's folder is stored relative: " + xml);
        assertArrayEquals(before, Files.readAllBytes(photo));
        assertEquals(modified, Files.getLastModifiedTime(photo).toMillis());
    }

    @Test
    void exiftoolReadsTheRatingAndRetonesEdits() throws Exception {
        Path photo = photo("rated.jpg");
        Sidecar.write(photo, EDITED);
        var tags = ExifTool.read(Sidecar.of(photo));
        assertEquals("4", ExifTool.text(tags, "XMP-xmp:Rating"), tags.toString());
        assertEquals("0.5", ExifTool.text(tags, "XMP-retone:Exposure"), tags.toString());
        assertEquals("1", ExifTool.text(tags, "XMP-retone:Version"));
        Sidecar.write(photo, EDITED.withRating(0));
        assertEquals("0", ExifTool.text(ExifTool.read(Sidecar.of(photo)), "XMP-xmp:Rating"), "0 when unrated, always written");
    }

    @Test
    void anotherProgramsSidecarIsReportedLeftAsItIsAndKeptWhenRetonesReplacesIt() throws Exception {
        Path photo = photo("dt.jpg");
        String darktable = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:darktable=\"http://darktable.sf.net/\""
                + " xmp:Rating=\"3\" darktable:history_end=\"4\"/></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
        Files.writeString(Sidecar.of(photo), darktable);
        SidecarException e = assertThrows(SidecarException.class, () -> Sidecar.read(photo));
        assertEquals(SidecarException.Problem.FOREIGN, e.problem());
        assertTrue(e.getMessage().contains("dt.jpg.xmp"), "names the file: " + e.getMessage());
        assertEquals(darktable, Files.readString(Sidecar.of(photo)), "left exactly as it was");
        Sidecar.write(photo, EDITED);
        assertEquals(darktable, Files.readString(Sidecar.backupOf(Sidecar.of(photo))), "kept as .bak");
        assertEquals(Optional.of(EDITED), Sidecar.read(photo));
    }

    @Test
    void aDamagedSidecarIsReportedAndLeftAsItIs() throws Exception {
        Path photo = photo("broken.jpg");
        byte[] garbage = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF".getBytes(StandardCharsets.UTF_8);
        Files.write(Sidecar.of(photo), garbage);
        SidecarException e = assertThrows(SidecarException.class, () -> Sidecar.read(photo));
        assertEquals(SidecarException.Problem.DAMAGED, e.problem());
        assertTrue(e.getMessage().contains("broken.jpg.xmp"), e.getMessage());
        assertArrayEquals(garbage, Files.readAllBytes(Sidecar.of(photo)));
        // values out of range are damage too
        Sidecar.write(photo, EDITED);
        String xml = Files.readString(Sidecar.of(photo)).replace("retone:Exposure=\"0.5\"", "retone:Exposure=\"9\"");
        Files.writeString(Sidecar.of(photo), xml);
        SidecarException range = assertThrows(SidecarException.class, () -> Sidecar.read(photo));
        assertTrue(range.getMessage().contains("Exposure must be between"), range.getMessage());
    }

    @Test
    void aSidecarNamingAnExternalEntityNeverReadsIt() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        Path photo = photo("xxe.jpg");
        Files.writeString(Sidecar.of(photo), "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY s SYSTEM \"file://" + secret + "\">]>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:retone=\"" + Sidecar.NAMESPACE + "\" retone:Version=\"1\""
                + " retone:Reference=\"&s;\" retone:Look=\"reference\"/></rdf:RDF></x:xmpmeta>");
        try {
            PhotoSettings read = Sidecar.read(photo).orElseThrow();
            assertFalse(String.valueOf(read.reference()).contains("TOP-SECRET"), "the entity was expanded");
        } catch (SidecarException refused) {
            assertFalse(refused.getMessage().contains("TOP-SECRET"), refused.getMessage());
        }
    }

    @Test
    void editsOfOnePhotoFromTwoWindowsAreBothKept() throws Exception {
        Path photo = photo("shared.jpg");
        PhotoSettings base = PhotoSettings.DEFAULT;
        Sidecar.write(photo, base);
        // two windows read the same sidecar; one lifts the exposure and rates, the other warms and lowers the strength
        PhotoSettings first = base.withDevelop(base.develop().with(Develop.Adjustment.EXPOSURE, 0.7)).withRating(3);
        PhotoSettings second = base.withDevelop(base.develop().with(Develop.Adjustment.TEMPERATURE, 30)).withStrength(0.6);
        PhotoSettings savedFirst = ConcurrentEdits.save(photo, base, first);
        assertEquals(first, savedFirst);
        PhotoSettings savedSecond = ConcurrentEdits.save(photo, base, second);
        PhotoSettings both = Sidecar.read(photo).orElseThrow();
        assertEquals(savedSecond, both);
        assertEquals(0.7, both.develop().exposure(), "the first window's exposure kept");
        assertEquals(3, both.rating(), "and its rating");
        assertEquals(30, both.develop().temperature(), "the second window's warmth");
        assertEquals(0.6, both.strength());
        // where both changed the same edit, the last save's wins
        PhotoSettings third = savedFirst.withRating(5);
        assertEquals(5, ConcurrentEdits.save(photo, savedFirst, third).rating());
        assertEquals(30, Sidecar.read(photo).orElseThrow().develop().temperature(), "still kept");
    }
}
