package app.retone.core.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The photo files directly inside a folder (by their extension, {@link ReadableFormat}; whether
 * they really decode is the loader's to say), in the order a file manager shows them: by name, numbers by value
 * ("IMG_2" before "IMG_10"), letters without regard to case.
 */
public final class PhotoFolder {

    /** File names compared as people read them: runs of digits by value, the rest without case. */
    public static final Comparator<Path> BY_NAME = (a, b) -> compareNames(String.valueOf(a.getFileName()),
            String.valueOf(b.getFileName()));

    private PhotoFolder() {
    }

    /** The photos of {@code folder}, by name; fails when it is not a folder or holds none. */
    public static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": not a folder");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> photos = files.filter(Files::isRegularFile).filter(ReadableFormat::hasReadableName)
                    .sorted(BY_NAME.thenComparing(Comparator.naturalOrder())).toList();
            if (photos.isEmpty()) {
                throw new IOException(folder + ": no photos (" + ReadableFormat.NAMES + ") in this folder");
            }
            return photos;
        }
    }

    static int compareNames(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                String na = stripZeros(a.substring(i, endA));
                String nb = stripZeros(b.substring(j, endB));
                int byValue = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (byValue != 0) {
                    return byValue;
                }
                i = endA;
                j = endB;
            } else {
                int byLetter = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (byLetter != 0) {
                    return byLetter;
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }
}
