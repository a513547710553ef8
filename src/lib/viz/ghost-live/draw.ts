/**
 * Canvas drawing of a read-back atlas (DOM, no tfjs): the atlas bytes go into one offscreen canvas
 * once, then each map is copied to its display rectangle. Hover and focus redraws reuse that canvas,
 * so they never touch the GPU again.
 */
import {
	atlasOrigin,
	mapRect,
	type AtlasGrid,
	type DisplayLayout,
	type Rect
} from '$lib/live/compute/atlas-layout';

export type Source = HTMLCanvasElement | OffscreenCanvas;

/** What a map grid draws: the atlas in a canvas (null without 2D canvas support) and its layouts. */
export interface GridContent {
	source: Source | null;
	grid: AtlasGrid;
	layout: DisplayLayout;
}

/** The atlas pixels in a canvas of their own (null where there is no 2D canvas, e.g. jsdom). */
export function atlasCanvas(pixels: Uint8ClampedArray, grid: AtlasGrid): Source | null {
	if (typeof OffscreenCanvas === 'undefined' && typeof document === 'undefined') return null;
	const canvas: Source =
		typeof OffscreenCanvas !== 'undefined'
			? new OffscreenCanvas(grid.width, grid.height)
			: Object.assign(document.createElement('canvas'), { width: grid.width, height: grid.height });
	const context = canvas.getContext('2d') as
		CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
	if (!context) return null;
	context.putImageData(new ImageData(new Uint8ClampedArray(pixels), grid.width, grid.height), 0, 0);
	return canvas;
}

/** One map of an enlarged group: member 0 is the intrinsic map, 1… its ghosts. */
export interface DetailMap {
	member: number;
	title: string;
	range: { min: number; max: number };
}

/** Sizes the canvas backing store for its CSS box and device pixel ratio; the 2D context, or null. */
export function prepareCanvas(
	canvas: HTMLCanvasElement,
	box: { width: number; height: number },
	dpr: number
) {
	const width = Math.max(1, Math.round(box.width * dpr));
	const height = Math.max(1, Math.round(box.height * dpr));
	if (canvas.width !== width) canvas.width = width;
	if (canvas.height !== height) canvas.height = height;
	const context = canvas.getContext('2d');
	if (!context) return null;
	context.setTransform(dpr, 0, 0, dpr, 0, 0);
	context.clearRect(0, 0, box.width, box.height);
	return context;
}

/** Where the grid starts so that it is centred in the box. */
export function gridOffset(layout: DisplayLayout, box: { width: number; height: number }) {
	return { x: Math.max(0, (box.width - layout.width) / 2), y: Math.max(0, (box.height - layout.height) / 2) };
}

/** Copies map (group, member) of the atlas into `target` (CSS px in the context's transform). */
export function drawMap(
	context: CanvasRenderingContext2D,
	source: Source,
	grid: AtlasGrid,
	group: number,
	member: number,
	target: Rect
) {
	const { x, y } = atlasOrigin(grid, group, member);
	// Upscaled maps stay crisp (each activation a visible square); downscaled ones are smoothed.
	context.imageSmoothingEnabled = target.width < grid.mapSize;
	context.drawImage(
		source,
		x,
		y,
		grid.mapSize,
		grid.mapSize,
		target.x,
		target.y,
		target.width,
		target.height
	);
}

export interface GridDrawOptions {
	box: { width: number; height: number };
	dpr: number;
	/** Group to outline (hover or keyboard focus), with the outline colour. */
	highlight?: { group: number; colour: string } | null;
	/** Extra outlined groups (e.g. the most similar pairs), each with its colour. */
	marks?: { group: number; colour: string }[];
}

function outline(context: CanvasRenderingContext2D, rect: Rect, colour: string, width: number) {
	context.strokeStyle = colour;
	context.lineWidth = width;
	context.strokeRect(rect.x - width / 2, rect.y - width / 2, rect.width + width, rect.height + width);
}

/** Draws every map of the atlas into its place in `layout`, then the outlines. */
export function drawGrid(
	canvas: HTMLCanvasElement,
	source: Source,
	grid: AtlasGrid,
	layout: DisplayLayout,
	options: GridDrawOptions
): boolean {
	const context = prepareCanvas(canvas, options.box, options.dpr);
	if (!context) return false;
	const offset = gridOffset(layout, options.box);
	const rectOf = (group: number, member: number) => {
		const r = mapRect(layout, group, member);
		return { ...r, x: r.x + offset.x, y: r.y + offset.y };
	};
	for (let group = 0; group < layout.groups; group++) {
		for (let member = 0; member < layout.perGroup; member++)
			drawMap(context, source, grid, group, member, rectOf(group, member));
	}
	const groupRect = (group: number) => {
		const first = rectOf(group, 0);
		const last = rectOf(group, layout.perGroup - 1);
		return { ...first, width: last.x + last.width - first.x };
	};
	const line = Math.max(1, Math.min(3, layout.size / 10));
	for (const mark of options.marks ?? []) outline(context, groupRect(mark.group), mark.colour, line);
	if (options.highlight)
		outline(context, groupRect(options.highlight.group), options.highlight.colour, line + 1);
	return true;
}

/** The value of a CSS variable on `element` (empty outside a browser). */
export function cssVariable(element: Element | null, name: string): string {
	if (!element || typeof getComputedStyle === 'undefined') return '';
	return getComputedStyle(element).getPropertyValue(name).trim();
}

/** Draws one map of raw values (row-major `size²`) scaled to fill `canvas` (CSS `cssSize` square). */
export function drawValues(
	canvas: HTMLCanvasElement,
	values: ArrayLike<number>,
	size: number,
	cssSize: number,
	colour: (pixels: Uint8ClampedArray) => void
): boolean {
	const grid = { cols: 1, rows: 1, perGroup: 1, mapSize: size, width: size, height: size };
	const pixels = new Uint8ClampedArray(size * size * 4);
	colour(pixels);
	const source = atlasCanvas(pixels, grid);
	const context = prepareCanvas(
		canvas,
		{ width: cssSize, height: cssSize },
		globalThis.devicePixelRatio || 1
	);
	if (!source || !context || values.length !== size * size) return false;
	drawMap(context, source, grid, 0, 0, { x: 0, y: 0, width: cssSize, height: cssSize });
	return true;
}
