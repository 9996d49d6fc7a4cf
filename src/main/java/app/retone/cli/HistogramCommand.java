package app.retone.cli;

import app.retone.core.color.Histogram3D;
import app.retone.core.image.ImageLimits;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "histogram", mixinStandardHelpOptions = true,
        header = "Prints a photo's 3D RGB histogram and a summary of it.",
        description = {
            "The histogram is exactly the one Retone's model sees: pixels after EXIF orientation, the bin of a",
            "value v is v * B / 256, pixels with alpha below 128 are not counted. Only non-empty bins are listed,",
            "as 'r g b count' (bin indices), or in JSON with --json."},
        footer = {"", "Example:", "  retone histogram holiday.jpg --bins 16 --json > holiday.json"})
final class HistogramCommand implements Callable<Integer> {

    @Parameters(paramLabel = "IN", description = "The photo.")
    Path input;

    @Option(names = "--bins", paramLabel = "B", defaultValue = "" + Histogram3D.DEFAULT_BINS,
            description = "Bins per channel, a power of two from " + Histogram3D.MIN_SUPPORTED_BINS + " to "
                    + Histogram3D.MAX_SUPPORTED_BINS + ". Default: ${DEFAULT-VALUE}.")
    int bins;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--summary", description = "Print only the summary, not the bins.")
    boolean summaryOnly;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OptionRules.checkBins(spec.commandLine(), bins);
        Photo photo = new PhotoLoader(ImageLimits.fromSystemProperties()).load(input);
        Histogram3D h = Histogram3D.of(photo.argb(), bins);
        PrintWriter out = spec.commandLine().getOut();
        double[] mean = h.meanColor();
        if (json) {
            StringBuilder sb = new StringBuilder(4096);
            sb.append("{\n");
            sb.append("  \"file\": \"").append(jsonEscape(input.toString())).append("\",\n");
            sb.append("  \"width\": ").append(photo.width()).append(",\n");
            sb.append("  \"height\": ").append(photo.height()).append(",\n");
            sb.append("  \"bins\": ").append(bins).append(",\n");
            sb.append("  \"pixels\": ").append((long) h.total()).append(",\n");
            sb.append("  \"nonEmptyBins\": ").append(h.nonEmptyBins()).append(",\n");
            sb.append(String.format(Locale.ROOT, "  \"meanColor\": [%.2f, %.2f, %.2f],%n", mean[0], mean[1], mean[2]));
            sb.append(String.format(Locale.ROOT, "  \"entropyBits\": %.4f", h.entropyBits()));
            if (!summaryOnly) {
                sb.append(",\n  \"binsRGBCount\": [");
                boolean first = true;
                for (int r = 0; r < bins; r++) {
                    for (int g = 0; g < bins; g++) {
                        for (int b = 0; b < bins; b++) {
                            long count = (long) h.mass(r, g, b);
                            if (count > 0) {
                                sb.append(first ? "\n    " : ",\n    ").append('[').append(r).append(", ").append(g)
                                        .append(", ").append(b).append(", ").append(count).append(']');
                                first = false;
                            }
                        }
                    }
                }
                sb.append("\n  ]");
            }
            sb.append("\n}");
            out.println(sb);
        } else {
            out.printf(Locale.ROOT, "file          %s%n", input);
            out.printf(Locale.ROOT, "size          %d x %d%n", photo.width(), photo.height());
            out.printf(Locale.ROOT, "bins          %d per channel (%d in all)%n", bins, h.cells());
            out.printf(Locale.ROOT, "pixels        %d counted%n", (long) h.total());
            out.printf(Locale.ROOT, "non-empty     %d bins (%.1f %%)%n", h.nonEmptyBins(), 100.0 * h.nonEmptyBins() / h.cells());
            out.printf(Locale.ROOT, "mean colour   R %.1f  G %.1f  B %.1f%n", mean[0], mean[1], mean[2]);
            out.printf(Locale.ROOT, "entropy       %.3f bits (of %.0f at most)%n", h.entropyBits(), 3 * Math.log(bins) / Math.log(2));
            if (!summaryOnly) {
                out.println();
                out.println("r\tg\tb\tcount");
                for (int r = 0; r < bins; r++) {
                    for (int g = 0; g < bins; g++) {
                        for (int b = 0; b < bins; b++) {
                            long count = (long) h.mass(r, g, b);
                            if (count > 0) {
                                out.println(r + "\t" + g + "\t" + b + "\t" + count);
                            }
                        }
                    }
                }
            }
        }
        out.flush();
        return ExitStatus.OK;
    }

    private static String jsonEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
