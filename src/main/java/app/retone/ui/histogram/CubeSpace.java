package app.retone.ui.histogram;

import javafx.geometry.Point3D;

/**
 * Where the unit RGB cube sits in the 3D scene: a cube of {@code side} scene units centred on
 * the origin, red along +x, green up (JavaFX's y points down, so −y) and blue toward the
 * viewer (−z), which keeps the axes right-handed.
 */
record CubeSpace(float side) {

    float x(float red) {
        return (red - 0.5f) * side;
    }

    float y(float green) {
        return (0.5f - green) * side;
    }

    float z(float blue) {
        return (0.5f - blue) * side;
    }

    Point3D at(double red, double green, double blue) {
        return new Point3D(x((float) red), y((float) green), z((float) blue));
    }
}
