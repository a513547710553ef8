/**
 * Stepped logarithmic scale for sliders with a long range (channels 1–1024): a finger-wide move on a
 * phone should change c by a few percent, not by 20 channels. The stops are every integer up to where
 * a ratio step is larger than 1, then `perOctave` stops per doubling (powers of two from `min` are
 * stops), so Arrow keys move to the next stop and sensible channel counts (16, 32, 64 …) are reachable.
 */
export interface SteppedScale {
	/** The distinct values the slider can take, ascending, from min to max. */
	stops: readonly number[];
	/** Position on the slider (0 … stops.length − 1) of the stop nearest to `value` in log space. */
	toPosition(value: number): number;
	/** The value at a slider position, clamped into range. */
	toValue(position: number): number;
}

export function logStops(min: number, max: number, perOctave = 6): number[] {
	if (!(min >= 1) || !(max > min) || !Number.isInteger(min) || !Number.isInteger(max))
		throw new RangeError(`log stops need integers 1 ≤ min < max, got ${min}, ${max}`);
	const count = Math.ceil(Math.log2(max / min) * perOctave);
	const stops = new Set<number>();
	for (let i = 0; i <= count; i++) stops.add(Math.min(max, Math.round(min * 2 ** (i / perOctave))));
	stops.add(max);
	return [...stops].sort((a, b) => a - b);
}

export function steppedLogScale(min: number, max: number, perOctave = 6): SteppedScale {
	const stops = logStops(min, max, perOctave);
	return {
		stops,
		toPosition(value) {
			if (!Number.isFinite(value)) return 0;
			const target = Math.log(Math.min(max, Math.max(min, value)));
			let best = 0;
			stops.forEach((stop, i) => {
				if (Math.abs(Math.log(stop) - target) < Math.abs(Math.log(stops[best]) - target)) best = i;
			});
			return best;
		},
		toValue(position) {
			const i = Math.round(Number.isFinite(position) ? position : 0);
			return stops[Math.min(stops.length - 1, Math.max(0, i))];
		}
	};
}
