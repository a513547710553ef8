/** Number formats of the classifier (pure); units are the same in both languages. */

/** A latency: one decimal below 100 ms ("42.3 ms"), whole milliseconds above ("1234 ms"). */
export function formatMs(ms: number): string {
	if (!Number.isFinite(ms)) return '–';
	return ms < 100 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** A count of multiply–accumulates: "385.7M", "1.23G", "960". */
export function formatMacs(macs: number): string {
	const units: [number, string][] = [
		[1e9, 'G'],
		[1e6, 'M'],
		[1e3, 'K']
	];
	for (const [size, unit] of units) {
		if (Math.abs(macs) >= size) return `${(macs / size).toPrecision(4).replace(/\.?0+$/, '')}${unit}`;
	}
	return String(Math.round(macs));
}

/** A probability as a percentage: "87.2%", "<0.1%" for tiny non-zero ones. */
export function formatProbability(p: number): string {
	if (p > 0 && p < 0.001) return '<0.1%';
	return `${(p * 100).toFixed(1)}%`;
}
