/**
 * The atlas of maps that are already on the CPU (pure): the same layout, colours, ranges and shared
 * limit as the GPU's `packAtlas`, for the redundancy finder, which reads its raw maps back anyway
 * (for the least-squares fits) and so colours them here instead of asking the GPU for a second read.
 */
import { atlasOrigin, type AtlasGrid } from './atlas-layout';
import type { UnpackedAtlas } from './atlas-tf';
import { paintValues, type DivergingStops } from './colour-scale';

/** `maps` are groups of one, each row-major `grid.mapSize²`. */
export function paintAtlas(maps: ArrayLike<number>[], grid: AtlasGrid, stops: DivergingStops): UnpackedAtlas {
	if (grid.perGroup !== 1) throw new RangeError('paintAtlas draws groups of one map');
	const ranges = maps.map((m) => {
		let min = Infinity;
		let max = -Infinity;
		for (let p = 0; p < m.length; p++) {
			min = Math.min(min, m[p]);
			max = Math.max(max, m[p]);
		}
		return [{ min, max }];
	});
	const limit = Math.max(0, ...ranges.map(([r]) => Math.max(Math.abs(r.min), Math.abs(r.max))));
	const pixels = new Uint8ClampedArray(grid.width * grid.height * 4);
	const side = grid.mapSize;
	maps.forEach((values, group) => {
		const { x, y } = atlasOrigin(grid, group, 0);
		paintValues(pixels, grid.width, values, { width: side, height: side, x, y }, limit, stops);
	});
	return { pixels, ranges, limit };
}
