package app.retone.core.color;

/** How a {@link ColorLut3D} is sampled between its nodes. */
public enum Interpolation {
    /** Eight nodes of the enclosing cell, weighted per axis. */
    TRILINEAR,
    /** Four nodes of the enclosing tetrahedron: as smooth on gray, cheaper, the usual choice in colour grading. */
    TETRAHEDRAL
}
