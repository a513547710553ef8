/**
 * Where the MACs go: every row of the stage table split by what the layers do (from each layer's role in
 * the spec, never from its name). The classifier counts as part of the head.
 */
import type { EfficientNetSpec, LayerRole, NetCost } from '$lib/nets';

export const PARTS = ['stem', 'expand', 'depthwise', 'se', 'project', 'head'] as const;
export type Part = (typeof PARTS)[number];

export interface BreakdownRow {
	/** Paper stage number (1 stem … 9 head), as in the stage table. */
	stage: number;
	parts: Record<Part, number>;
	total: number;
}

const PART_OF_ROLE: Partial<Record<LayerRole, Part>> = {
	stem: 'stem',
	expand: 'expand',
	depthwise: 'depthwise',
	se: 'se',
	project: 'project',
	head: 'head',
	classifier: 'head'
};

function emptyParts(): Record<Part, number> {
	return { stem: 0, expand: 0, depthwise: 0, se: 0, project: 0, head: 0 };
}

export function macBreakdown(spec: EfficientNetSpec, netCost: NetCost): BreakdownRow[] {
	const rowOfBlock = new Map<string, number>();
	spec.stages.forEach((stage, i) => stage.blocks.forEach((b) => rowOfBlock.set(b.name, i + 1)));
	const rows = Array.from({ length: spec.stages.length + 2 }, (_, i) => ({
		stage: i + 1,
		parts: emptyParts(),
		total: 0
	}));
	const headRow = rows.length - 1;
	for (const layer of netCost.layers) {
		const part = PART_OF_ROLE[layer.role];
		if (!part) throw new Error(`no MAC breakdown part for role ${layer.role} (${layer.key})`);
		const row = layer.block === null ? (part === 'stem' ? 0 : headRow) : rowOfBlock.get(layer.block)!;
		rows[row].parts[part] += layer.macs;
		rows[row].total += layer.macs;
	}
	return rows;
}
