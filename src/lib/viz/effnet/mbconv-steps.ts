/**
 * One MBConv (or stage-1 depthwise-separable) block of a resolved EfficientNet as the steps it runs,
 * read from the block's layers in the spec by role and op (pure): expand 1×1 → BN + SiLU → depthwise k×k
 * → BN + SiLU → SE (pool → reduce → SiLU → expand → sigmoid → scale) → project 1×1 → BN → residual.
 * Each step carries the shape it produces and the params and MACs the cost model gives its layer; steps
 * without a conv (BN's activation, pooling, the gate, the scale, the add) have no MACs in that model,
 * so the steps sum to the block's row of cost(spec) exactly.
 */
import { layerCost, type Block, type Layer, type Shape } from '$lib/nets';

export type StepKind =
	| 'input'
	| 'expand'
	| 'bn-silu'
	| 'depthwise'
	| 'se-pool'
	| 'se-reduce'
	| 'se-silu'
	| 'se-expand'
	| 'se-sigmoid'
	| 'se-scale'
	| 'project'
	| 'bn'
	| 'residual';

export interface BlockStep {
	kind: StepKind;
	/** Output shape [H, W, C]. */
	shape: Shape;
	params: number;
	macs: number;
	/** Kernel and stride of the conv steps (1×1 convs: 1, 1). */
	kernel?: number;
	stride?: number;
	/** Part of the squeeze-and-excitation unit. */
	se: boolean;
}

export interface BlockSteps {
	name: string;
	type: Block['type'];
	inChannels: number;
	midChannels: number;
	outChannels: number;
	expandRatio: number;
	steps: BlockStep[];
	/** Why there is no residual add (null when there is one). */
	noResidual: 'stride' | 'channels' | null;
}

function convStep(kind: StepKind, layer: Layer, se = false): BlockStep {
	const { params, macs } = layerCost(layer);
	return { kind, shape: layer.output, params, macs, kernel: layer.kernel, stride: layer.stride, se };
}

function bnStep(layer: Layer): BlockStep {
	const kind = layer.activation === 'silu' ? 'bn-silu' : 'bn';
	return { kind, shape: layer.output, params: layerCost(layer).params, macs: 0, se: false };
}

const free = (kind: StepKind, shape: Shape, se: boolean): BlockStep => ({
	kind,
	shape,
	params: 0,
	macs: 0,
	se
});

/** The steps of an MBConv ('ir') or depthwise-separable ('ds') block, in execution order. */
export function mbconvSteps(block: Block): BlockSteps {
	if (block.type !== 'ir' && block.type !== 'ds') throw new Error(`${block.name} is not an MBConv block`);
	const steps: BlockStep[] = [free('input', block.input, false)];
	const layers = block.layers;
	for (let i = 0; i < layers.length; i++) {
		const layer = layers[i];
		if (layer.op === 'bn') steps.push(bnStep(layer));
		else if (layer.role === 'expand') steps.push(convStep('expand', layer));
		else if (layer.role === 'depthwise') steps.push(convStep('depthwise', layer));
		else if (layer.role === 'project') steps.push(convStep('project', layer));
		else if (layer.role === 'se' && layers[i + 1]?.role === 'se') {
			const expand = layers[i + 1];
			const mapShape = layers[i - 1].output;
			steps.push(
				free('se-pool', layer.input, true),
				convStep('se-reduce', layer, true),
				free('se-silu', layer.output, true),
				convStep('se-expand', expand, true),
				free('se-sigmoid', expand.output, true),
				free('se-scale', mapShape, true)
			);
			i++;
		} else throw new Error(`${layer.key}: no MBConv step for role ${layer.role}`);
	}
	if (block.shortcut === 'identity') steps.push(free('residual', block.output, false));
	return {
		name: block.name,
		type: block.type,
		inChannels: block.inChannels,
		midChannels: block.midChannels,
		outChannels: block.outChannels,
		expandRatio: block.expandRatio ?? 1,
		steps,
		noResidual: block.shortcut === 'identity' ? null : block.stride !== 1 ? 'stride' : 'channels'
	};
}

/** Every block of the spec that has MBConv steps, for a picker. */
export function mbconvBlocks(stages: { blocks: Block[] }[]): Block[] {
	return stages.flatMap((stage) => stage.blocks).filter((b) => b.type === 'ir' || b.type === 'ds');
}

/** SiLU (swish) x·σ(x) and ReLU max(0, x) at evenly spaced x, for the small plot. */
export function activationCurves(
	from = -5,
	to = 3,
	points = 81
): { x: number; silu: number; relu: number }[] {
	return Array.from({ length: points }, (_, i) => {
		const x = from + ((to - from) * i) / (points - 1);
		return { x, silu: x / (1 + Math.exp(-x)), relu: Math.max(0, x) };
	});
}

/** A row of the figure's table: a step, or a step this block does not have (kept so rows never jump). */
export type StepRow = { kind: StepKind; step: BlockStep | null };

/**
 * The block's steps with a row for every step an MBConv can have: a depthwise-separable block (expand
 * ratio 1) shows its missing expand and its BN + SiLU as skipped, a block without a residual its add.
 */
export function stepRows(block: BlockSteps): StepRow[] {
	const rows: StepRow[] = block.steps.map((step) => ({ kind: step.kind, step }));
	if (!block.steps.some((s) => s.kind === 'expand')) {
		rows.splice(1, 0, { kind: 'expand', step: null }, { kind: 'bn-silu', step: null });
	}
	if (block.noResidual) rows.push({ kind: 'residual', step: null });
	return rows;
}
