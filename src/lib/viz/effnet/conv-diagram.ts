/**
 * Layout of one convolution's channel diagram (pure): input channels on the left, output channels on the
 * right (a separable conv has its depthwise outputs in between), and an edge for every input an output
 * reads, from `channelsRead`. At most MAX_DRAWN channels of a column are drawn; the rest are counted.
 * The traced output's edges are marked, so the figure can show which inputs that one output reads.
 */
import { channelsRead, type ConvKind } from '$lib/nets';

export const MAX_DRAWN = 8;
export const DIAGRAM_WIDTH = 248;
const TOP = 30;
const HEIGHT = 8 * 22;
const BOTTOM = 26;
export const DIAGRAM_HEIGHT = TOP + HEIGHT + BOTTOM;

export type Column = 'in' | 'mid' | 'out';

export interface DiagramNode {
	column: Column;
	channel: number;
	x: number;
	y: number;
	traced: boolean;
}

export interface DiagramEdge {
	from: DiagramNode;
	to: DiagramNode;
	/** k×k (ordinary, depthwise) or 1×1 (the separable conv's pointwise step). */
	op: 'kxk' | '1x1';
	traced: boolean;
}

export interface ConvDiagram {
	columns: { column: Column; x: number; channels: number; hidden: number }[];
	nodes: DiagramNode[];
	edges: DiagramEdge[];
	/** The output channel whose inputs are marked (clamped to the drawn outputs). */
	traced: number;
	/** Always DIAGRAM_HEIGHT: nodes spread over it, so no channel count moves what follows. */
	height: number;
}

const X: Record<Column, number> = { in: 36, mid: 124, out: 212 };

export function convDiagram(
	kind: ConvKind,
	inChannels: number,
	outChannels: number,
	trace: number
): ConvDiagram {
	const outs = kind === 'depthwise' ? inChannels : outChannels;
	const counts: [Column, number][] = [['in', inChannels]];
	if (kind === 'separable') counts.push(['mid', inChannels]);
	counts.push(['out', outs]);
	const drawn = (n: number) => Math.min(n, MAX_DRAWN);
	const traced = Math.min(Math.max(0, trace), drawn(outs) - 1);
	// Every column spreads its nodes over the same fixed height, so the figure never changes size.
	const node = (column: Column, channel: number, n: number): DiagramNode => ({
		column,
		channel,
		x: X[column],
		y: TOP + (HEIGHT * (channel + 0.5)) / n,
		traced: false
	});
	const columnNodes = new Map(
		counts.map(([column, n]) => [
			column,
			Array.from({ length: drawn(n) }, (_, c) => node(column, c, drawn(n)))
		])
	);
	const edges: DiagramEdge[] = [];
	const connect = (from: Column, to: Column, op: DiagramEdge['op'], reads: (out: number) => number[]) => {
		for (const target of columnNodes.get(to)!) {
			for (const source of reads(target.channel)) {
				const start = columnNodes.get(from)![source];
				if (start) edges.push({ from: start, to: target, op, traced: false });
			}
		}
	};
	if (kind === 'separable') {
		connect('in', 'mid', 'kxk', (c) => channelsRead('depthwise', inChannels, c));
		connect('mid', 'out', '1x1', () => channelsRead('ordinary', inChannels, 0));
	} else {
		connect('in', 'out', 'kxk', (c) => channelsRead(kind, inChannels, c));
	}
	markTrace(columnNodes.get('out')![traced], edges);
	return {
		columns: counts.map(([column, n]) => ({ column, x: X[column], channels: n, hidden: n - drawn(n) })),
		nodes: [...columnNodes.values()].flat(),
		edges,
		traced,
		height: DIAGRAM_HEIGHT
	};
}

/** Mark the traced output and, walking back, every edge and node it depends on. */
function markTrace(output: DiagramNode, edges: DiagramEdge[]): void {
	output.traced = true;
	for (const column of ['out', 'mid'] as const) {
		for (const edge of edges) {
			if (edge.to.column === column && edge.to.traced) {
				edge.traced = true;
				edge.from.traced = true;
			}
		}
	}
}
