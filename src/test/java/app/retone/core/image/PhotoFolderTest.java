package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoFolderTest {

    @TempDir
    Path dir;

    @Test
    void listsPhotosByNameAsPeopleReadNumbers() throws IOException {
        for (String name : List.of("IMG_10.jpg", "img_2.JPG", "IMG_1.png", "notes.txt", "IMG_002b.tif", "a.webp")) {
            Files.writeString(dir.resolve(name), "x");
        }
        Files.createDirectory(dir.resolve("IMG_3.jpg")); // a folder named like a photo is not one

        List<String> names = PhotoFolder.list(dir).stream().map(p -> p.getFileName().toString()).toList();

        assertEquals(List.of("a.webp", "IMG_1.png", "img_2.JPG", "IMG_002b.tif", "IMG_10.jpg"), names);
    }

    @Test
    void aFolderWithoutPhotosOrNoFolderIsAnError() throws IOException {
        Files.writeString(dir.resolve("readme.txt"), "x");

        IOException none = assertThrows(IOException.class, () -> PhotoFolder.list(dir));
        assertTrue(none.getMessage().contains("no photos"), none.getMessage());
        IOException notFolder = assertThrows(IOException.class, () -> PhotoFolder.list(dir.resolve("readme.txt")));
        assertTrue(notFolder.getMessage().endsWith("not a folder"), notFolder.getMessage());
    }

    @Test
    void namesCompareByNumberValueThenLetters() {
        assertTrue(PhotoFolder.compareNames("a9", "a10") < 0);
        assertTrue(PhotoFolder.compareNames("a010", "a9") > 0);
        assertTrue(PhotoFolder.compareNames("B", "a") > 0);
        assertEquals(0, PhotoFolder.compareNames("x01", "x1"));
        assertTrue(PhotoFolder.compareNames("x1", "x1a") < 0);
    }
}
