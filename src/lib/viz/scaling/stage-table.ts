/**
 * Rows of the paper's Table 1 layout (stage, operator, input resolution, output channels, layers), read
 * from a resolved EfficientNet spec, with the exact params and MACs of each row from cost(spec).
 * Stage 1 is the stem, 2…8 the MBConv stages, 9 the head (conv 1×1, pooling, FC).
 */
import type { Cost, EfficientNetSpec, NetCost } from '$lib/nets';

export type StageOperator =
	| { kind: 'conv'; kernel: number }
	| { kind: 'mbconv'; expand: number; kernel: number }
	| { kind: 'head'; kernel: number };

export interface StageRow {
	/** Paper numbering, from 1. */
	stage: number;
	operator: StageOperator;
	/** Input resolution of the stage (H, W). */
	resolution: [number, number];
	/** Output channels. */
	channels: number;
	layers: number;
	params: number;
	macs: number;
}

function costOf(c: Cost): Pick<StageRow, 'params' | 'macs'> {
	return { params: c.params, macs: c.macs };
}

export function stageRows(spec: EfficientNetSpec, netCost: NetCost): StageRow[] {
	const stemConv = spec.stem[0];
	const headConv = spec.head[0];
	const stem: StageRow = {
		stage: 1,
		operator: { kind: 'conv', kernel: stemConv.kernel },
		resolution: [spec.input[0], spec.input[1]],
		channels: stemConv.outChannels,
		layers: 1,
		...costOf(netCost.stem)
	};
	const stages = spec.stages.map((stage, i): StageRow => {
		const first = stage.blocks[0];
		return {
			stage: i + 2,
			operator: { kind: 'mbconv', expand: first.expandRatio ?? 1, kernel: first.kernel },
			resolution: [stage.input[0], stage.input[1]],
			channels: stage.output[2],
			layers: stage.blocks.length,
			...costOf(netCost.stages[i])
		};
	});
	const head: StageRow = {
		stage: spec.stages.length + 2,
		operator: { kind: 'head', kernel: headConv.kernel },
		resolution: [headConv.input[0], headConv.input[1]],
		channels: headConv.outChannels,
		layers: 1,
		...costOf(netCost.head)
	};
	return [stem, ...stages, head];
}
