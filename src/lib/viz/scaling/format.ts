/** Number formats of the Scaling lab: fixed decimals so that digits do not shift while dragging. */

export function formatMacs(macs: number): string {
	return macs >= 1e9 ? `${(macs / 1e9).toFixed(2)} G` : `${(macs / 1e6).toFixed(1)} M`;
}

export function formatParams(params: number): string {
	return params >= 1e6 ? `${(params / 1e6).toFixed(2)} M` : `${(params / 1e3).toFixed(1)} k`;
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatInteger(value: number): string {
	return grouped.format(value);
}

/** +3.4 % / −12.0 % (true minus sign). */
export function formatSignedPercent(ratio: number): string {
	const percent = ratio * 100;
	const sign = percent > 0.05 ? '+' : percent < -0.05 ? '−' : '±';
	return `${sign}${Math.abs(percent).toFixed(1)} %`;
}

export function formatFactor(factor: number): string {
	return `×${factor >= 100 ? factor.toFixed(0) : factor.toFixed(2)}`;
}

/** TeX-safe decimal with a true minus. */
export function texNumber(value: number, decimals: number): string {
	const text = Math.abs(value).toFixed(decimals);
	return value < 0 && Number(text) !== 0 ? `-${text}` : text;
}

/** Axis ticks of MACs: 100 M, 1 G, 10 G, 1 T. */
export function formatMacsTick(macs: number): string {
	const units: [number, string][] = [
		[1e12, 'T'],
		[1e9, 'G'],
		[1e6, 'M'],
		[1e3, 'k']
	];
	for (const [size, unit] of units) {
		if (macs >= size) return `${Number((macs / size).toPrecision(3))} ${unit}`;
	}
	return String(macs);
}
