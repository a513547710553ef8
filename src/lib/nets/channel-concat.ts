/**
 * Channel concatenation of two NHWC maps held in one linear memory (the tfjs wasm heap): for every pixel,
 * a's channels then b's. Pure and synchronous; the wasm kernel around it is in build-ops.ts.
 *
 * tfjs's wasm Concat copies each pixel's run with `subarray` + `set`, one allocation per run: for
 * GhostNet's maps (runs of 12–480 floats over up to 3136 pixels) that took 40–45 ns per run, most of the
 * concat's time. Short runs are copied here element by element, as float64 pairs when every offset
 * allows it; long runs with `copyWithin`, which allocates nothing.
 */

/** Runs at least this many floats long are copied with copyWithin, shorter ones in a loop. */
export const COPY_WITHIN_MIN_FLOATS = 128;

export interface ChannelConcatLayout {
	/** Byte offsets into the buffer; each must be a multiple of 4. */
	aByte: number;
	bByte: number;
	outByte: number;
	pixels: number;
	aChannels: number;
	bChannels: number;
}

export function concatChannelsInto(buffer: ArrayBufferLike, layout: ChannelConcatLayout): void {
	const { aByte, bByte, outByte, pixels, aChannels, bChannels } = layout;
	if (aByte % 4 || bByte % 4 || outByte % 4)
		throw new Error('concatChannelsInto: offsets must be float-aligned');
	const pairs =
		aByte % 8 === 0 && bByte % 8 === 0 && outByte % 8 === 0 && aChannels % 2 === 0 && bChannels % 2 === 0;
	const words = pairs ? 8 : 4;
	const view = pairs
		? new Float64Array(buffer, 0, Math.floor(buffer.byteLength / 8))
		: new Float32Array(buffer, 0, Math.floor(buffer.byteLength / 4));
	const na = (aChannels * 4) / words;
	const nb = (bChannels * 4) / words;
	let a = aByte / words;
	let b = bByte / words;
	let o = outByte / words;
	for (let p = 0; p < pixels; p++) {
		o = copyRun(view, o, a, na, aChannels);
		a += na;
		o = copyRun(view, o, b, nb, bChannels);
		b += nb;
	}
}

/** Copies `n` elements from `from` to `to`; returns the index after the copy. */
function copyRun(
	view: Float64Array | Float32Array,
	to: number,
	from: number,
	n: number,
	floats: number
): number {
	if (floats >= COPY_WITHIN_MIN_FLOATS) {
		view.copyWithin(to, from, from + n);
		return to + n;
	}
	let i = 0;
	for (; i + 1 < n; i += 2) {
		view[to + i] = view[from + i];
		view[to + i + 1] = view[from + i + 1];
	}
	if (i < n) view[to + i] = view[from + i];
	return to + n;
}
