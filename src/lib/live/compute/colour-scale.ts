/**
 * The diverging colour scale shared by every live feature map (pure): 0 is the page's surface colour,
 * negative values shade towards one series colour and positive values towards another, linearly in
 * sRGB, saturating at ±limit. The same formula runs on the GPU (`colourize` in atlas-tf.ts); this CPU
 * version draws the legend and the maps read back as raw values, and is the oracle of the GPU tests.
 */

export type Rgb = readonly [number, number, number];

/** The three colours of the scale; read from the page's CSS variables so light and dark modes work. */
export interface DivergingStops {
	negative: Rgb;
	zero: Rgb;
	positive: Rgb;
}

/** The CSS variables the stops come from (app.css defines them for light and dark). */
export const STOP_VARIABLES = { negative: '--series-1', zero: '--surface', positive: '--series-2' } as const;

/** Used only where no stylesheet is available (Node tests, a detached element). */
export const FALLBACK_STOPS: DivergingStops = {
	negative: [47, 111, 176],
	zero: [255, 255, 255],
	positive: [217, 112, 42]
};

/** '#rgb', '#rrggbb' or 'rgb(r, g, b)' / 'rgba(...)' → [r, g, b]; null for anything else. */
export function parseCssColour(text: string): Rgb | null {
	const value = text.trim().toLowerCase();
	const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value);
	if (short) return [1, 2, 3].map((i) => parseInt(short[i] + short[i], 16)) as unknown as Rgb;
	const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(value);
	if (long) return [1, 2, 3].map((i) => parseInt(long[i], 16)) as unknown as Rgb;
	const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(value);
	if (fn) return [1, 2, 3].map((i) => Math.min(255, Math.round(Number(fn[i])))) as unknown as Rgb;
	return null;
}

/** The stops from computed CSS variables (`read(name)` returns a variable's value). */
export function stopsFromCss(read: (variable: string) => string): DivergingStops {
	const pick = (key: keyof DivergingStops) =>
		parseCssColour(read(STOP_VARIABLES[key])) ?? FALLBACK_STOPS[key];
	return { negative: pick('negative'), zero: pick('zero'), positive: pick('positive') };
}

/** t = value / limit clipped to [−1, 1]; a zero or invalid limit maps everything to 0. */
export function scaledValue(value: number, limit: number): number {
	if (!(limit > 0) || !Number.isFinite(value)) return 0;
	return Math.max(-1, Math.min(1, value / limit));
}

/** The colour of t ∈ [−1, 1], each channel rounded to an integer 0–255. */
export function divergingColour(t: number, stops: DivergingStops): Rgb {
	const clipped = Math.max(-1, Math.min(1, t));
	const end = clipped < 0 ? stops.negative : stops.positive;
	const amount = Math.abs(clipped);
	return [0, 1, 2].map((c) =>
		Math.round(stops.zero[c] + amount * (end[c] - stops.zero[c]))
	) as unknown as Rgb;
}

/** The symmetric limit of a set of values: the largest |value| (0 for no finite values). */
export function symmetricLimit(min: number, max: number): number {
	const limit = Math.max(Math.abs(min), Math.abs(max));
	return Number.isFinite(limit) ? limit : 0;
}

/**
 * Colours `values` (row-major, `width` × `height`) into `out` (RGBA, `outWidth` wide) at (x, y), scaled
 * by `limit`; `scale` > 1 repeats each value in a scale × scale block (nearest-neighbour).
 */
export function paintValues(
	out: Uint8ClampedArray,
	outWidth: number,
	values: ArrayLike<number>,
	size: { width: number; height: number; x?: number; y?: number; scale?: number },
	limit: number,
	stops: DivergingStops
): void {
	const { width, height, x = 0, y = 0, scale = 1 } = size;
	for (let r = 0; r < height * scale; r++) {
		for (let c = 0; c < width * scale; c++) {
			const v = values[Math.floor(r / scale) * width + Math.floor(c / scale)];
			const [red, green, blue] = divergingColour(scaledValue(v, limit), stops);
			const o = ((y + r) * outWidth + x + c) * 4;
			out[o] = red;
			out[o + 1] = green;
			out[o + 2] = blue;
			out[o + 3] = 255;
		}
	}
}

/** `count` colours evenly from −1 to 1, for a legend gradient (CSS linear-gradient stops). */
export function legendGradient(stops: DivergingStops, count = 9): string {
	const colours = Array.from({ length: count }, (_, i) => {
		const [r, g, b] = divergingColour(-1 + (2 * i) / (count - 1), stops);
		return `rgb(${r} ${g} ${b})`;
	});
	return `linear-gradient(to right, ${colours.join(', ')})`;
}
