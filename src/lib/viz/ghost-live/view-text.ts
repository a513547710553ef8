/**
 * Texts that describe what is on screen (pure): the observed value range of the maps drawn, the
 * line about the map or matrix cell the reader points at.
 */
import type { Language } from '$lib/content/languages';
import { wording } from '$lib/viz/chart/pointer';
import type { MapRange } from '$lib/live/compute/atlas-tf';
import { finderText, formatValue, mapsText } from './live-text';
import { mostSimilarTo } from '$lib/live/compute/pairs';
import type { SimilarityRead } from '$lib/live/compute/similarity-tf';

/** The smallest minimum and largest maximum over all maps, or null for none. */
export function observedRange(ranges: MapRange[][] | undefined): MapRange | null {
	const all = ranges?.flat() ?? [];
	if (!all.length) return null;
	return { min: Math.min(...all.map((r) => r.min)), max: Math.max(...all.map((r) => r.max)) };
}

export function rangeText(range: MapRange, lang: Language): string {
	return mapsText[lang].range(formatValue(range.min), formatValue(range.max));
}

/** "Map #i, values a … b; most similar to #j (…)", or the hint when nothing is chosen. */
export function mapInfoText(
	read: SimilarityRead | null,
	ranges: MapRange[][] | undefined,
	selected: number | null,
	lang: Language,
	coarse = false
): string {
	const t = finderText[lang];
	const range = selected === null ? undefined : ranges?.[selected]?.[0];
	if (!read || selected === null || !range) return wording(t.mapsHint, coarse);
	const partner = mostSimilarTo(read.matrix, read.channels, selected);
	const values = rangeText(range, lang);
	return partner ? t.mapInfo(selected, values, partner.b, formatValue(partner.similarity)) : values;
}

/** "Maps #i and #j: cosine similarity s", or the hint when no cell is chosen. */
export function cellInfoText(
	read: SimilarityRead | null,
	cell: { i: number; j: number } | null,
	lang: Language,
	coarse = false
) {
	const t = finderText[lang];
	if (!read || !cell) return wording(t.matrixHint, coarse);
	return t.cell(cell.i, cell.j, formatValue(read.matrix[cell.i * read.channels + cell.j]));
}
