import { getContext, setContext } from 'svelte';
import type { ChartScale } from './scales';

export interface Padding {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** What the chart container gives its marks; read inside $derived so marks follow resizes. */
export interface ChartContext {
	readonly width: number;
	readonly height: number;
	readonly padding: Padding;
	/** Plot area without the padding. */
	readonly innerWidth: number;
	readonly innerHeight: number;
	readonly x: ChartScale;
	readonly y: ChartScale;
}

const KEY = Symbol('chart');

export function setChartContext(context: ChartContext): void {
	setContext(KEY, context);
}

export function getChartContext(): ChartContext {
	const context = getContext<ChartContext | undefined>(KEY);
	if (!context) throw new Error('chart marks must be placed inside <Chart>');
	return context;
}
