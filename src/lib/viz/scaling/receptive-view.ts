/**
 * The receptive fields of the Scaling lab's network on display and of its single-dimension
 * counterparts at the same MACs (pure): one series per network, from receptiveFields(spec).
 */
import { receptiveFields, type EfficientNetSpec, type StageReceptiveField } from '$lib/nets';
import type { Dimension, SingleDimensionMatch } from './single-dimension';

export interface FieldSeries {
	key: Dimension | 'compound';
	resolution: number;
	rows: StageReceptiveField[];
}

export function fieldSeries(spec: EfficientNetSpec, matches: SingleDimensionMatch[] | null): FieldSeries[] {
	const of = (key: FieldSeries['key'], s: EfficientNetSpec) => ({
		key,
		resolution: s.resolution,
		rows: receptiveFields(s)
	});
	return [of('compound', spec), ...(matches ?? []).map((m) => of(m.dimension, m.spec))];
}

/** Powers of two from at most the smallest to at least the largest fraction: the log axis's ticks and domain. */
export function fractionTicks(series: FieldSeries[]): number[] {
	const values = series.flatMap((s) => s.rows.map((r) => r.fraction));
	const low = Math.floor(Math.log2(Math.min(...values)));
	const high = Math.ceil(Math.log2(Math.max(...values)));
	const step = Math.max(1, Math.ceil((high - low) / 6));
	const ticks: number[] = [];
	for (let e = high; ; e -= step) {
		ticks.unshift(2 ** e);
		if (e <= low) return ticks;
	}
}

/** 25 %, 100 %, 380 %: a fraction of the input side. */
export function formatFraction(fraction: number): string {
	const percent = fraction * 100;
	return `${percent >= 10 ? percent.toFixed(0) : percent.toFixed(1)} %`;
}
