// Summary statistics of timing samples (ms).

/** @param {number[]} xs */
function sorted(xs) {
	return [...xs].sort((a, b) => a - b);
}

/** Median (mean of the two middle values for an even count). @param {number[]} xs */
export function median(xs) {
	if (!xs.length) return NaN;
	const s = sorted(xs);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile, p in (0, 100]. @param {number[]} xs @param {number} p */
export function percentile(xs, p) {
	if (!xs.length) return NaN;
	const s = sorted(xs);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** @param {number[]} xs */
export function summary(xs) {
	return { runs: xs.length, median: median(xs), min: Math.min(...xs), p90: percentile(xs, 90) };
}
