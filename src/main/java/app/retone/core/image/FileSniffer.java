package app.retone.core.image;

import java.nio.charset.StandardCharsets;

/** Names well-known image formats Retone cannot open, from a file's first bytes. */
final class FileSniffer {

    private FileSniffer() {
    }

    /** The name of a recognised but unsupported format, or null. */
    static String unsupportedFormatName(byte[] head, int length) {
        if (length >= 12 && matches(head, 4, "ftyp")) {
            String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
            return switch (brand) {
                case "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1" -> "HEIC/HEIF";
                case "avif", "avis" -> "AVIF";
                case "crx " -> "Canon CR3 raw";
                default -> null;
            };
        }
        if (length >= 4 && matches(head, 0, "8BPS")) {
            return "Photoshop (PSD)";
        }
        if (length >= 12 && (head[0] & 0xFF) == 0 && (head[1] & 0xFF) == 0 && (head[2] & 0xFF) == 0
                && (head[3] & 0xFF) == 0x0C && matches(head, 4, "jP  ")) {
            return "JPEG 2000";
        }
        if (length >= 4 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0x0A) {
            return "JPEG XL";
        }
        if (length >= 4 && matches(head, 0, "%PDF")) {
            return "PDF";
        }
        if (length >= 4 && (matches(head, 0, "<svg") || matches(head, 0, "<?xm"))) {
            return "SVG/XML";
        }
        if (length >= 4 && matches(head, 0, "FUJI")) {
            return "Fujifilm RAF raw";
        }
        return null;
    }

    private static boolean matches(byte[] head, int at, String ascii) {
        byte[] b = ascii.getBytes(StandardCharsets.ISO_8859_1);
        if (at + b.length > head.length) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            if (head[at + i] != b[i]) {
                return false;
            }
        }
        return true;
    }
}
