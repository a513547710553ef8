/**
 * Scales of the chart container (layercake-style: the container computes d3 scales, marks read them).
 * A ChartScale keeps its kind next to the d3 scale so marks can place numbers and band keys alike.
 */
import { scaleBand, scaleLinear, scaleLog, type ScaleBand, type ScaleContinuousNumeric } from 'd3';

export interface ContinuousAxis {
	kind: 'linear' | 'log';
	domain: [number, number];
	/** Extend the domain to round tick values (linear only). */
	nice?: boolean;
}

export interface BandAxis {
	kind: 'band';
	domain: string[];
	/** Inner padding between bands, as a fraction of the step. */
	padding?: number;
}

export type AxisConfig = ContinuousAxis | BandAxis;

export type ChartScale =
	| { kind: 'linear' | 'log'; scale: ScaleContinuousNumeric<number, number> }
	| { kind: 'band'; scale: ScaleBand<string> };

export type Datum = number | string;

export function buildScale(config: AxisConfig, range: [number, number]): ChartScale {
	if (config.kind === 'band') {
		return { kind: 'band', scale: scaleBand(config.domain, range).paddingInner(config.padding ?? 0.2) };
	}
	if (config.kind === 'log') return { kind: 'log', scale: scaleLog(config.domain, range).clamp(true) };
	const scale = scaleLinear(config.domain, range);
	return { kind: 'linear', scale: config.nice ? scale.nice() : scale };
}

/** Pixel position of a value: a number on a continuous scale, the start of a band for a key. */
export function position(s: ChartScale, value: Datum): number {
	if (s.kind === 'band') return s.scale(String(value)) ?? Number.NaN;
	return s.scale(Number(value));
}

/** Centre of a band, or the position of a number. */
export function centre(s: ChartScale, value: Datum): number {
	return position(s, value) + bandwidth(s) / 2;
}

export function bandwidth(s: ChartScale): number {
	return s.kind === 'band' ? s.scale.bandwidth() : 0;
}

/** Tick values: the band keys, 1-2-5 steps per decade on a log scale, d3's ticks otherwise. */
export function ticksOf(s: ChartScale, count = 5): Datum[] {
	if (s.kind === 'band') return s.scale.domain();
	if (s.kind === 'log') return logTicks(s.scale.domain() as [number, number], count);
	return s.scale.ticks(count);
}

/** Powers of ten, plus 2× and 5× when the domain spans few decades, within the domain. */
export function logTicks([low, high]: [number, number], count = 5): number[] {
	const [a, b] = low <= high ? [low, high] : [high, low];
	const first = Math.floor(Math.log10(a));
	const last = Math.ceil(Math.log10(b));
	const multiples = Math.log10(b / a) <= count / 2 ? [1, 2, 5] : [1];
	const ticks: number[] = [];
	for (let e = first; e <= last; e++) {
		for (const m of multiples) {
			const value = Number((m * 10 ** e).toPrecision(6));
			if (value >= a && value <= b) ticks.push(value);
		}
	}
	return ticks;
}
