/**
 * Exact cost model of a resolved spec (pure).
 *
 * - params: trainable parameters as timm counts them: conv/linear weights and biases, BN weight and
 *   bias (running statistics are buffers, not parameters).
 * - macs: multiply-accumulates of conv and linear layers only (out H·W·C_out · C_in/groups · k²; linear
 *   in·out), the convention of facts.md A.7/B (forward hooks on Conv2d/Linear). BN, activations, SE
 *   multiplies, residual adds and pooling are not counted; biases add no MACs.
 * - activations: elements of each layer's output tensor (batch 1).
 */
import type { Layer, LayerRole, NetSpec } from './spec/types';
import { LAYER_ROLES } from './spec/types';

export interface Cost {
	params: number;
	macs: number;
	/** Output elements (batch 1); summed over layers it is a rough activation-traffic measure. */
	activations: number;
}

export interface LayerCost extends Cost {
	key: string;
	block: string | null;
	role: LayerRole;
	op: Layer['op'];
}

export interface BlockCost extends Cost {
	name: string;
	stage: number;
}

export interface StageCost extends Cost {
	index: number;
	blocks: BlockCost[];
}

export interface NetCost extends Cost {
	layers: LayerCost[];
	stem: Cost;
	stages: StageCost[];
	/** Head layers plus the classifier. */
	head: Cost;
	byRole: Record<LayerRole, Cost>;
}

export function layerParams(layer: Layer): number {
	if (layer.op === 'bn') return 2 * layer.outChannels;
	const weights = layer.weightShape.reduce((a, b) => a * b, 1);
	return weights + (layer.bias ? layer.outChannels : 0);
}

export function layerMacs(layer: Layer): number {
	if (layer.op === 'bn') return 0;
	if (layer.op === 'linear') return layer.inChannels * layer.outChannels;
	const [h, w, c] = layer.output;
	return h * w * c * (layer.inChannels / layer.groups) * layer.kernel * layer.kernel;
}

export function layerCost(layer: Layer): LayerCost {
	const [h, w, c] = layer.output;
	return {
		key: layer.key,
		block: layer.block,
		role: layer.role,
		op: layer.op,
		params: layerParams(layer),
		macs: layerMacs(layer),
		activations: h * w * c
	};
}

function sum(costs: Cost[]): Cost {
	const total: Cost = { params: 0, macs: 0, activations: 0 };
	for (const c of costs) {
		total.params += c.params;
		total.macs += c.macs;
		total.activations += c.activations;
	}
	return total;
}

/** Params, MACs and activation elements per layer, block, stage, role and in total. */
export function cost(spec: NetSpec): NetCost {
	const layers = spec.layers.map(layerCost);
	const byKey = new Map(layers.map((l) => [l.key, l]));
	const of = (list: Layer[]) => sum(list.map((l) => byKey.get(l.key)!));
	const stages = spec.stages.map((stage) => {
		const blocks = stage.blocks.map((b) => ({ name: b.name, stage: stage.index, ...of(b.layers) }));
		return { index: stage.index, blocks, ...sum(blocks) };
	});
	const byRole = Object.fromEntries(
		LAYER_ROLES.map((role) => [role, sum(layers.filter((l) => l.role === role))])
	) as Record<LayerRole, Cost>;
	return {
		...sum(layers),
		layers,
		stem: of(spec.stem),
		stages,
		head: of([...spec.head, spec.classifier]),
		byRole
	};
}
