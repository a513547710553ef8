/**
 * Statistics of an image's pixels that a reader can see (pure): how colourful it is, how light its
 * outer ring is, how bright it is on average, and how much of it is near black. The "does not look like
 * Fashion-MNIST" rule (fmnist-fit.ts) compares them with the training set's.
 */

export interface ImageStats {
	/** Mean over pixels of (max(R, G, B) − min(R, G, B)) / 255: 0 for a grey image. */
	chroma: number;
	/** Mean grey level (0–1) of the outer ring, 1/14 of the shorter side wide (2 px of 28). */
	border: number;
	/** Mean grey level (0–1) of the whole image. */
	mean: number;
	/** Share of the pixels darker than DARK_LEVEL. */
	dark: number;
}

/** "Near black": a tenth of full scale (every training image has at least 9 % of such pixels). */
export const DARK_LEVEL = 25.5;

/** ITU-R 601 luma, as PIL's convert('L') (the grey the Fashion-MNIST preprocessing uses). */
const grey = (r: number, g: number, b: number) => (r * 299 + g * 587 + b * 114) / 1000;

/** The statistics of RGBA pixels (`width × height × 4` values, alpha ignored). */
export function imageStats(rgba: ArrayLike<number>, width: number, height: number): ImageStats {
	if (!(width > 0 && height > 0) || rgba.length < width * height * 4)
		throw new RangeError(`expected ${width}×${height} RGBA pixels, got ${rgba.length} values`);
	const ring = Math.max(1, Math.round(Math.min(width, height) / 14));
	let chroma = 0;
	let sum = 0;
	let border = 0;
	let borderCount = 0;
	let dark = 0;
	for (let y = 0; y < height; y++) {
		const edgeRow = y < ring || y >= height - ring;
		for (let x = 0; x < width; x++) {
			const o = (y * width + x) * 4;
			const [r, g, b] = [rgba[o], rgba[o + 1], rgba[o + 2]];
			chroma += Math.max(r, g, b) - Math.min(r, g, b);
			const v = grey(r, g, b);
			sum += v;
			if (v < DARK_LEVEL) dark++;
			if (edgeRow || x < ring || x >= width - ring) {
				border += v;
				borderCount++;
			}
		}
	}
	const n = width * height;
	return {
		chroma: chroma / n / 255,
		border: border / borderCount / 255,
		mean: sum / n / 255,
		dark: dark / n
	};
}
