/**
 * A small chart kit (layercake-style): <Chart> measures its width and builds the d3 scales; marks read
 * them from context and draw with Svelte markup. Usage:
 *
 *   <Chart x={{ kind: 'log', domain: [0.1, 100] }} y={{ kind: 'linear', domain: [0, 1] }} height={240} label="…">
 *     <Axis side="bottom" label="…" />  <Axis side="left" grid />
 *     <Line data={rows} x={(d) => d.a} y={(d) => d.b} />
 *     <Points data={rows} … bind:active />            (keyboard: one tab stop, arrows move)
 *     <Rects data={bars} x={(d) => [0, d.v]} y={(d) => d.key} … />   (band keys or [from, to])
 *     <Rule x={value} label="…" />
 *     {#snippet overlay()}<Tooltip x={…} y={…}>…</Tooltip>{/snippet}
 *   </Chart>
 */
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
