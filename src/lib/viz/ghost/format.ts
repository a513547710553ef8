import type { Language } from '$lib/content/languages';

const locales: Record<Language, string> = { zh: 'zh-CN', en: 'en' };

const counts: Partial<Record<Language, Intl.NumberFormat>> = {};

/** An integer count with digit grouping: 5,182,508. */
export function formatCount(value: number, lang: Language): string {
	// One formatter per language: the GhostNet article formats over a hundred counts as it hydrates.
	counts[lang] ??= new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 0 });
	return counts[lang].format(value);
}

/** A large count in K/M/G with three significant digits at least: 141.15M, 5.18M, 960. */
export function formatCompact(value: number): string {
	const abs = Math.abs(value);
	const units: [number, string][] = [
		[1e9, 'G'],
		[1e6, 'M'],
		[1e3, 'K']
	];
	for (const [size, unit] of units) {
		if (abs >= size) return `${(value / size).toFixed(2)}${unit}`;
	}
	return String(Math.round(value));
}

/** A ratio such as r_s: 1.969. */
export function formatRatio(value: number): string {
	return value.toFixed(3);
}

/** Digits grouped for KaTeX ({,} keeps the comma from adding space after it). */
function groupForTex(integerDigits: string): string {
	return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, '{,}');
}

/** Whole up to floating-point noise (n/s products such as (10/3)·576). */
function isWhole(value: number): boolean {
	return Math.abs(value - Math.round(value)) <= 1e-9 * Math.max(1, Math.abs(value));
}

/** A number for TeX: whole numbers grouped, anything else to three decimals. */
export function texNumber(value: number): string {
	if (isWhole(value)) return groupForTex(String(Math.round(value)));
	const [whole, fraction] = value.toFixed(3).split('.');
	return `${groupForTex(whole)}.${fraction}`;
}

/** "= 12" for whole numbers, "\approx 12.333" otherwise. */
export function texEquals(value: number): string {
	return `${isWhole(value) ? '=' : '\\approx'} ${texNumber(value)}`;
}
