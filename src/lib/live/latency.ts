/**
 * Latency measurement (pure). A network's first runs on a backend include shader compilation (WebGL)
 * or weight upload, so the reported figure is the median of several timed runs after warm-up runs,
 * which is also robust to the odd run slowed by garbage collection or another tab.
 */

/** The median of `values` (mean of the two middle values for an even count); NaN for none. */
export function median(values: readonly number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The first and third quartiles of `values` (linear interpolation between order statistics, as
 * numpy's default and R's type 7): the middle half of the runs lies between them. NaN for none.
 */
export function quartiles(values: readonly number[]): [number, number] {
	if (values.length === 0) return [Number.NaN, Number.NaN];
	const sorted = [...values].sort((a, b) => a - b);
	const at = (p: number) => {
		const pos = (sorted.length - 1) * p;
		const low = Math.floor(pos);
		const high = Math.min(low + 1, sorted.length - 1);
		return sorted[low] + (sorted[high] - sorted[low]) * (pos - low);
	};
	return [at(0.25), at(0.75)];
}

export interface LatencyOptions {
	/** Untimed runs first (default 1). */
	warmup?: number;
	/** Timed runs (default 5). */
	runs?: number;
	/** Clock in milliseconds (default `performance.now`). */
	now?: () => number;
}

export interface LatencyResult<T> {
	/** The output of the last timed run. */
	result: T;
	/** Median of the timed runs, in milliseconds. */
	medianMs: number;
	/** Every timed run, in milliseconds, in order. */
	samplesMs: number[];
}

/** Runs `run` `warmup` times untimed, then `runs` times timed; `run` must finish its work (await data). */
export async function measureLatency<T>(
	run: () => Promise<T>,
	options: LatencyOptions = {}
): Promise<LatencyResult<T>> {
	const { warmup = 1, runs = 5, now = () => performance.now() } = options;
	if (!Number.isInteger(runs) || runs < 1)
		throw new RangeError(`runs must be a positive integer, got ${runs}`);
	if (!Number.isInteger(warmup) || warmup < 0) throw new RangeError(`warmup must be ≥ 0, got ${warmup}`);
	for (let i = 0; i < warmup; i++) await run();
	const samplesMs: number[] = [];
	let result!: T;
	for (let i = 0; i < runs; i++) {
		const start = now();
		result = await run();
		samplesMs.push(now() - start);
	}
	return { result, medianMs: median(samplesMs), samplesMs };
}
