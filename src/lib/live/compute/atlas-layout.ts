/**
 * Where feature maps go (pure). Maps come in groups: for a Ghost module, one intrinsic map followed by
 * the s − 1 ghost maps made from it; for an ordinary layer, groups of one. The GPU packs the maps
 * tightly into an atlas image (groups in a `cols`-wide grid, no gaps); the canvas then copies each map
 * to its place in the display grid, which adds gaps and scales everything to fit a box whose size is
 * fixed before any data arrives (so nothing on the page moves when maps appear or change).
 */

export interface GridInput {
	/** Number of groups (intrinsic maps, or maps of an ordinary layer). */
	groups: number;
	/** Maps per group: the ghost ratio s for a Ghost module, 1 otherwise. */
	perGroup: number;
	/** Map size in activation pixels (square maps; the networks here only make square ones). */
	mapSize: number;
}

/** Gaps as fractions of the displayed map size. */
const GROUP_GAP = 0.25;
const INNER_GAP = 0.08;

export interface DisplayLayout extends GridInput {
	cols: number;
	rows: number;
	/** Displayed side of one map, CSS px. */
	size: number;
	groupGap: number;
	innerGap: number;
	/** Pitch between group origins. */
	pitchX: number;
	pitchY: number;
	/** Space the grid uses (≤ the box). */
	width: number;
	height: number;
}

function displayFor(input: GridInput, cols: number, box: { width: number; height: number }, maxSize: number) {
	const rows = Math.ceil(input.groups / cols);
	const p = input.perGroup;
	const unitsX = cols * (p + (p - 1) * INNER_GAP) + (cols - 1) * GROUP_GAP;
	const unitsY = rows + (rows - 1) * GROUP_GAP;
	const size = Math.min(box.width / unitsX, box.height / unitsY, maxSize);
	return { rows, size, unitsX, unitsY };
}

/**
 * The grid that shows every map as large as possible inside `box` (CSS px), never larger than
 * `maxSize` px per map. Prefers fewer columns when two choices give the same size.
 */
export function displayLayout(
	input: GridInput,
	box: { width: number; height: number },
	maxSize = 160
): DisplayLayout {
	if (input.groups < 1 || input.perGroup < 1 || input.mapSize < 1) throw new RangeError('empty grid');
	let best = { cols: 1, ...displayFor(input, 1, box, maxSize) };
	for (let cols = 2; cols <= input.groups; cols++) {
		const candidate = displayFor(input, cols, box, maxSize);
		if (candidate.size > best.size + 1e-9) best = { cols, ...candidate };
	}
	const { cols, rows, size, unitsX, unitsY } = best;
	return {
		...input,
		cols,
		rows,
		size,
		groupGap: size * GROUP_GAP,
		innerGap: size * INNER_GAP,
		pitchX: size * (input.perGroup + (input.perGroup - 1) * INNER_GAP + GROUP_GAP),
		pitchY: size * (1 + GROUP_GAP),
		width: size * unitsX,
		height: size * unitsY
	};
}

/** Space kept free around a grid inside its box (CSS px), so outlines at the edges stay visible. */
export const GRID_MARGIN = 8;

/** The box a grid is fitted into: `box` without its margin (`gridOffset` then centres the grid). */
export function inset(box: { width: number; height: number }, margin = GRID_MARGIN) {
	return { width: Math.max(1, box.width - 2 * margin), height: Math.max(1, box.height - 2 * margin) };
}

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The displayed rectangle of map `member` (0 = intrinsic) of group `group`. */
export function mapRect(layout: DisplayLayout, group: number, member: number): Rect {
	const col = group % layout.cols;
	const row = Math.floor(group / layout.cols);
	const x = col * layout.pitchX + member * (layout.size + layout.innerGap);
	return { x, y: row * layout.pitchY, width: layout.size, height: layout.size };
}

/** The map under a point of the display, or null over a gap or outside the grid. */
export function mapAt(layout: DisplayLayout, x: number, y: number): { group: number; member: number } | null {
	if (x < 0 || y < 0) return null;
	const col = Math.floor(x / layout.pitchX);
	const row = Math.floor(y / layout.pitchY);
	const group = row * layout.cols + col;
	if (col >= layout.cols || group >= layout.groups) return null;
	if (y - row * layout.pitchY > layout.size) return null;
	const inGroup = x - col * layout.pitchX;
	const member = Math.floor(inGroup / (layout.size + layout.innerGap));
	if (member >= layout.perGroup || inGroup - member * (layout.size + layout.innerGap) > layout.size)
		return null;
	return { group, member };
}

/** The tight atlas the GPU packs: groups in the same `cols` grid, maps side by side, no gaps. */
export interface AtlasGrid {
	cols: number;
	rows: number;
	perGroup: number;
	mapSize: number;
	/** Atlas size in activation pixels. */
	width: number;
	height: number;
}

export function atlasGrid(layout: Pick<DisplayLayout, 'cols' | 'rows' | 'perGroup' | 'mapSize'>): AtlasGrid {
	const { cols, rows, perGroup, mapSize } = layout;
	return { cols, rows, perGroup, mapSize, width: cols * perGroup * mapSize, height: rows * mapSize };
}

/** Top-left pixel of a map inside the atlas. */
export function atlasOrigin(grid: AtlasGrid, group: number, member: number): { x: number; y: number } {
	const col = group % grid.cols;
	const row = Math.floor(group / grid.cols);
	return { x: (col * grid.perGroup + member) * grid.mapSize, y: row * grid.mapSize };
}

/** Keyboard movement between groups: arrows step through the grid, Home/End jump to the ends. */
export function moveFocus(index: number, key: string, cols: number, count: number): number | null {
	const last = count - 1;
	switch (key) {
		case 'ArrowRight':
			return Math.min(last, index + 1);
		case 'ArrowLeft':
			return Math.max(0, index - 1);
		case 'ArrowDown':
			return index + cols <= last ? index + cols : index;
		case 'ArrowUp':
			return index - cols >= 0 ? index - cols : index;
		case 'Home':
			return 0;
		case 'End':
			return last;
		default:
			return null;
	}
}
