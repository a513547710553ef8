/** A small chart kit: a container that computes d3 scales and marks that draw with Svelte markup. */
export { default as Chart } from './Chart.svelte';
export { default as Axis } from './Axis.svelte';
export { default as Line } from './Line.svelte';
export { default as Points } from './Points.svelte';
export { default as Rects } from './Rects.svelte';
export { default as Rule } from './Rule.svelte';
export { default as Tooltip } from './Tooltip.svelte';
export { getChartContext } from './context';
export type { ChartContext, Padding } from './context';
export * from './scales';
