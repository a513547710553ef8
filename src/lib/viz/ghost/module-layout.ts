/**
 * Geometry of the Ghost module diagram (pure): which output map comes from which intrinsic map, and
 * where each map sits. Channel order follows the official GhostModule: concat(intrinsic maps, cheap
 * maps), where the depthwise cheap op with multiplier s − 1 puts ghost j of intrinsic map i at cheap
 * channel i·(s − 1) + j; the concatenation is sliced to the first n channels.
 */
import { implementationIntrinsic } from './compression';

export interface OutputMap {
	/** Position in the concatenated output, from 0. */
	index: number;
	kind: 'identity' | 'ghost';
	/** The intrinsic map it comes from. */
	source: number;
	/** Beyond n: computed by the module, then sliced away. */
	dropped: boolean;
	y: number;
}

export interface ModuleLayout {
	intrinsic: { index: number; y: number }[];
	outputs: OutputMap[];
	/** Total height of the map column, for the SVG viewBox. */
	height: number;
}

export interface LayoutOptions {
	/** Side of one map square and the gap between squares. */
	cell: number;
	gap: number;
}

export function moduleLayout(n: number, s: number, { cell, gap }: LayoutOptions): ModuleLayout {
	const m = implementationIntrinsic(n, s);
	const pitch = cell + gap;
	const outputs: OutputMap[] = [];
	for (let i = 0; i < m; i++) outputs.push({ index: i, kind: 'identity', source: i, dropped: false, y: 0 });
	for (let i = 0; i < m; i++) {
		for (let j = 0; j < s - 1; j++) {
			const index = m + i * (s - 1) + j;
			outputs.push({ index, kind: 'ghost', source: i, dropped: index >= n, y: 0 });
		}
	}
	outputs.forEach((o) => (o.y = o.index * pitch));
	return {
		intrinsic: Array.from({ length: m }, (_, index) => ({ index, y: index * pitch })),
		outputs,
		height: outputs.length * pitch - gap
	};
}
