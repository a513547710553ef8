/**
 * The rows of the paper's GhostNet table (Input, Operator, #exp, #out, SE, Stride), generated from a
 * resolved spec, with each row's params and MACs from the cost model. Nothing here knows GhostNet's
 * layout: it walks spec.stem, spec.stages, the global pool, spec.head and spec.classifier.
 */
import type { Block, GhostNetSpec, Layer, NetCost, Shape } from '$lib/nets';

export type Operator =
	| { kind: 'conv'; kernel: number }
	| { kind: 'bottleneck' }
	| { kind: 'pool'; kernel: number }
	| { kind: 'fc' };

export interface TableRow {
	/** 'conv_stem', 'blocks.i.j', 'pool', a head layer key or 'classifier'. */
	key: string;
	input: Shape;
	operator: Operator;
	exp: number | null;
	out: number | null;
	/** null where the paper prints "–" for lack of meaning (pooling, FC). */
	se: boolean | null;
	stride: number | null;
	params: number;
	/** null for global pooling: the cost model counts conv and linear MACs only. */
	macs: number | null;
	/** The Ghost bottleneck behind a G-bneck row. */
	block: Block | null;
}

function layerRow(layer: Layer, netCost: NetCost): TableRow {
	const c = netCost.layers.find((l) => l.key === layer.key)!;
	return {
		key: layer.key,
		input: layer.op === 'linear' ? [1, 1, layer.inChannels] : layer.input,
		operator: layer.op === 'linear' ? { kind: 'fc' } : { kind: 'conv', kernel: layer.kernel },
		exp: null,
		out: layer.outChannels,
		se: layer.op === 'linear' ? null : false,
		stride: layer.op === 'linear' ? null : layer.stride,
		params: c.params,
		macs: c.macs,
		block: null
	};
}

function blockRow(block: Block, netCost: NetCost): TableRow {
	const c = netCost.stages[block.stage].blocks[block.index];
	const bottleneck = block.type === 'ghost';
	return {
		key: block.name,
		input: block.input,
		operator: bottleneck ? { kind: 'bottleneck' } : { kind: 'conv', kernel: block.kernel },
		exp: bottleneck ? block.midChannels : null,
		out: block.outChannels,
		se: block.seWidth !== null,
		stride: block.stride,
		params: c.params,
		macs: c.macs,
		block: bottleneck ? block : null
	};
}

export function ghostnetTable(spec: GhostNetSpec, netCost: NetCost): TableRow[] {
	const stemConv = spec.stem.find((l) => l.op === 'conv')!;
	const stemRow = { ...layerRow(stemConv, netCost), params: netCost.stem.params, macs: netCost.stem.macs };
	const blocks = spec.stages.flatMap((stage) => stage.blocks.map((b) => blockRow(b, netCost)));
	const pool: TableRow = {
		key: 'pool',
		input: spec.features,
		operator: { kind: 'pool', kernel: spec.features[0] },
		exp: null,
		out: null,
		se: null,
		stride: null,
		params: 0,
		macs: null,
		block: null
	};
	return [stemRow, ...blocks, pool, ...headRows(spec.head, netCost), layerRow(spec.classifier, netCost)];
}

/** One row per head conv; a BatchNorm after it adds its parameters to that row. */
function headRows(head: Layer[], netCost: NetCost): TableRow[] {
	const rows: TableRow[] = [];
	for (const layer of head) {
		const previous = rows[rows.length - 1];
		if (layer.op === 'bn' && previous)
			previous.params += netCost.layers.find((l) => l.key === layer.key)!.params;
		else rows.push(layerRow(layer, netCost));
	}
	return rows;
}
