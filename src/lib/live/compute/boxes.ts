/**
 * The boxes the live parts reserve for their map grids (CSS px; the canvases keep these aspects). In a
 * module of their own, so the parts can lay out their page before the computation code is loaded.
 */

/** The redundancy finder's grid of all the stem's maps. */
export const STEM_BOX = { width: 480, height: 270 };
/** The live feature maps' grid of a Ghost module's maps. */
export const MAPS_BOX = { width: 720, height: 420 };
