package app.retone.ui.histogram;

import javafx.scene.Node;

/**
 * One way of drawing the histogram cloud inside {@link HistogramView}: the node it adds under the
 * view's labels, fed the points and told when the shared {@link CloudCamera} or the panel's size
 * changed. {@link HistogramRenderer} chooses which; the view owns the interaction, the axis
 * labels, the placeholder and the legend, so they are the same whichever draws.
 */
interface CloudDrawing {

    /** The node that shows the cloud; the view sizes it to the whole panel and hides it when there is nothing to show. */
    Node node();

    /** Draws these points (never empty: the view clears instead). */
    void show(HistogramPoints points);

    /** Lets go of the points shown. */
    void clear();

    /** The camera moved (a drag, a scroll, a reset). */
    void viewChanged();

    /** Lays the node out over the panel, {@code width} × {@code height}; called in each of the view's layout passes. */
    void layout(double width, double height);
}
