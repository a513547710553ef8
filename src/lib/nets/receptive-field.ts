/**
 * Receptive field of each stage of a resolved spec, in input pixels (pure).
 *
 * The classic recurrence over the convolutions in execution order: a k×k conv with stride s grows the
 * field by (k − 1)·j, where j is the distance in input pixels between neighbouring positions of its input
 * map, then multiplies j by s. This is the theoretical field: the input square that can influence one
 * position; the field a trained network effectively uses is smaller (Luo et al., NeurIPS 2016).
 * Left out, on purpose: squeeze-and-excitation (its gates pool the whole map, but they only rescale
 * channels, so they would make every field "the whole image" and hide the convolutions' growth) and a
 * Ghost bottleneck's projection shortcut (a parallel branch with a smaller field than the main path).
 */
import type { Layer, NetSpec } from './spec/types';

export interface StageReceptiveField {
	/** Paper numbering, as in the stage table: 1 = stem, 2… = the stages of blocks. */
	stage: number;
	/** Side of the receptive field of one output position, in input pixels. */
	size: number;
	/** Input pixels between neighbouring output positions (the product of the strides so far). */
	jump: number;
	/** size / input resolution: above 1 the field covers more than the image (padding included). */
	fraction: number;
}

function counts(layer: Layer): boolean {
	return (
		(layer.op === 'conv' || layer.op === 'depthwise') && layer.role !== 'se' && layer.role !== 'shortcut'
	);
}

/** One row for the stem and one for each stage of blocks, at the end of it. */
export function receptiveFields(spec: NetSpec): StageReceptiveField[] {
	let size = 1;
	let jump = 1;
	const advance = (layers: Layer[]) => {
		for (const layer of layers.filter(counts)) {
			size += (layer.kernel - 1) * jump;
			jump *= layer.stride;
		}
	};
	const row = (stage: number): StageReceptiveField => ({
		stage,
		size,
		jump,
		fraction: size / spec.resolution
	});
	advance(spec.stem);
	const rows = [row(1)];
	spec.stages.forEach((stage, i) => {
		advance(stage.blocks.flatMap((block) => block.layers));
		rows.push(row(i + 2));
	});
	return rows;
}
