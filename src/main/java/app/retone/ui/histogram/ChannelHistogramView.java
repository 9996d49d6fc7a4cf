package app.retone.ui.histogram;

import app.retone.core.color.ChannelHistograms;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Font;
import javafx.scene.text.FontSmoothingType;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * The classic RGB histogram under the 3D cloud, as photographers expect it: the three channels
 * over one another in additive colours ({@link ChannelPlot}), and a clipping warning in each top
 * corner, a small triangle that lights up when the shadows (left) or the highlights (right) are
 * clipped ({@link ChannelHistograms#shadowsClipped()}, {@link ChannelHistograms#highlightsClipped()}),
 * in the colour of the channels that clip, white when all three do. Each triangle's tooltip gives
 * the shares. The data comes ready from the view model; this view only draws.
 */
public final class ChannelHistogramView extends Region {

    /** Side of a clipping triangle, in pixels. */
    static final double MARK = 11;
    static final Color UNLIT_FILL = Color.rgb(58, 58, 58);
    static final Color UNLIT_STROKE = Color.rgb(92, 92, 92);

    private final RasterCanvas plot = new RasterCanvas();
    private final Polygon shadowMark = new Polygon();
    private final Polygon highlightMark = new Polygon();
    private final Tooltip shadowTip = tip();
    private final Tooltip highlightTip = tip();
    private final Text caption = new Text();
    private ChannelHistograms shown = ChannelHistograms.EMPTY;

    public ChannelHistogramView() {
        setId("channel-histogram");
        getStyleClass().add("channel-histogram");
        setBackground(new Background(new BackgroundFill(HistogramBackground.COLOR, CornerRadii.EMPTY, Insets.EMPTY)));
        setMinHeight(40);
        plot.setId("channel-plot");
        shadowMark.setId("clip-shadows");
        highlightMark.setId("clip-highlights");
        Tooltip.install(shadowMark, shadowTip);
        Tooltip.install(highlightMark, highlightTip);
        caption.setFill(Color.gray(0.62));
        caption.setFont(Font.font(11));
        caption.setFontSmoothingType(FontSmoothingType.GRAY);
        caption.setMouseTransparent(true);
        caption.setId("channel-caption");
        getChildren().addAll(plot, caption, shadowMark, highlightMark);
        show(ChannelHistograms.EMPTY, "");
    }

    /** Draws {@code histograms}, named {@code of} (what they are of: the result, the source). */
    public void show(ChannelHistograms histograms, String of) {
        shown = histograms == null ? ChannelHistograms.EMPTY : histograms;
        caption.setText(shown.isEmpty() ? "" : of);
        mark(shadowMark, shadowTip, shown.shadowsClipped(), clippedColour(true), "Shadows", 0, shown.shadowShare(), true);
        mark(highlightMark, highlightTip, shown.highlightsClipped(), clippedColour(false), "Highlights", 255,
                shown.highlightShare(), false);
        plot.paint((width, height) -> ChannelPlot.render(shown, width, height));
        requestLayout(); // the caption is centred on its new width
    }

    /** The histograms drawn. */
    public ChannelHistograms histograms() {
        return shown;
    }

    /** Whether the shadows' warning is lit. */
    public boolean shadowsLit() {
        return shown.shadowsClipped();
    }

    /** Whether the highlights' warning is lit. */
    public boolean highlightsLit() {
        return shown.highlightsClipped();
    }

    /** What the shadows' triangle says when pointed at. */
    public String shadowsTip() {
        return shadowTip.getText();
    }

    /** What the highlights' triangle says when pointed at. */
    public String highlightsTip() {
        return highlightTip.getText();
    }

    private void mark(Polygon mark, Tooltip tip, boolean lit, Color colour, String end, int level, double share,
                      boolean shadows) {
        mark.setFill(lit ? colour : UNLIT_FILL);
        mark.setStroke(lit ? colour : UNLIT_STROKE);
        if (shown.isEmpty()) {
            tip.setText(end + ": no photo");
            return;
        }
        StringBuilder text = new StringBuilder(end).append(lit ? " clipped: " : ": ")
                .append(percent(share)).append(" of the pixels have a channel at ").append(level);
        String[] names = {"red", "green", "blue"};
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            parts.add(names[c] + " " + percent(shadows ? shown.shadowShare(c) : shown.highlightShare(c)));
        }
        text.append(" (").append(String.join(", ", parts)).append(")");
        if (!lit) {
            text.append(";\nthe warning lights above ").append(percent(ChannelHistograms.CLIPPING_SHARE));
        }
        tip.setText(text.toString());
    }

    /**
     * The warning's colour: the channels that clip at that end, added (red and green: yellow; all
     * three: white); when none does alone but together they pass the share, the one that clips most.
     */
    private Color clippedColour(boolean shadows) {
        boolean[] clips = new boolean[3];
        boolean any = false;
        int most = 0;
        for (int c = 0; c < 3; c++) {
            clips[c] = shadows ? shown.shadowsClipped(c) : shown.highlightsClipped(c);
            any |= clips[c];
            if (share(shadows, c) > share(shadows, most)) {
                most = c;
            }
        }
        if (!any) {
            clips[most] = true;
        }
        return Color.rgb(clips[0] ? 255 : 0, clips[1] ? 255 : 0, clips[2] ? 255 : 0);
    }

    private double share(boolean shadows, int channel) {
        return shadows ? shown.shadowShare(channel) : shown.highlightShare(channel);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, share > 0 && share < 0.0001 ? "%.3f %%" : "%.2f %%", 100 * share);
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        plot.relocate(0, 0);
        if (plot.setSize(width, height)) {
            plot.paint((w, h) -> ChannelPlot.render(shown, w, h));
        }
        double inset = 3;
        shadowMark.getPoints().setAll(inset, inset, inset + MARK, inset, inset, inset + MARK);
        highlightMark.getPoints().setAll(width - inset, inset, width - inset - MARK, inset, width - inset, inset + MARK);
        caption.relocate((width - caption.getLayoutBounds().getWidth()) / 2, 2);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 300;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 72;
    }

    private static Tooltip tip() {
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(250));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        return tip;
    }
}
