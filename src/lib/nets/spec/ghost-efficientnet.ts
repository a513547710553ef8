/**
 * EfficientNet with Ghost modules: a pure transform of a resolved EfficientNet spec that replaces every
 * 1×1 expand and project convolution (with its BatchNorm) by a Ghost module of ratio s, as GhostNet
 * (arXiv:1911.11907 §3.1, facts.md C.1, C.6) builds its own: a 1×1 primary conv to ⌈n/s⌉ intrinsic maps
 * + BN, then a d×d depthwise cheap operation with channel multiplier s − 1 + BN, concatenated and sliced
 * to n. Everything else (stem, depthwise k×k convs, SE, head, classifier, shapes) stays as it was.
 *
 * Neither paper builds this network and no checkpoint exists: it was never trained and has no accuracy.
 * It exists so that `cost(spec)` can count exactly what the swap would save.
 *
 * Choices:
 * - The BN of the replaced conv gives the activation of both BNs of the module (SiLU after expand, none
 *   after project), as GhostNet's `relu` flag does for both halves.
 * - Layer keys nest under the replaced conv: `${conv}.primary_conv.{0,1}`, `${conv}.cheap_operation.{0,1}`
 *   (GhostModule's names); roles are 'primary' and 'cheap'.
 * - s = 1 leaves the primary conv alone (no cheap operation), so the cost equals the original exactly.
 */
import { convBn, lastOutput } from './layers';
import type { Block, EfficientNetSpec, Layer } from './types';
import { SpecError } from './types';
import { LIMITS, integerInRange } from './validate';

export interface GhostSwapOptions {
	/** Ratio s: 1 (no swap in effect) … LIMITS.ghostRatio.max. */
	ratio: number;
	/** Kernel d of the cheap depthwise operation (odd, default 3 as in GhostNet). */
	cheapKernel?: number;
}

function isSwapped(layer: Layer): boolean {
	return (layer.role === 'expand' || layer.role === 'project') && layer.op === 'conv' && layer.kernel === 1;
}

function ghostModuleLayers(conv: Layer, bn: Layer, ratio: number, cheapKernel: number): Layer[] {
	const place = { block: conv.block, role: 'primary' as const };
	const intrinsic = Math.ceil(conv.outChannels / ratio);
	const primary = convBn(
		`${conv.key}.primary_conv.0`,
		`${conv.key}.primary_conv.1`,
		place,
		conv.input,
		intrinsic,
		{ kernel: 1, stride: conv.stride, activation: bn.activation }
	);
	if (ratio === 1) return primary;
	const cheap = convBn(
		`${conv.key}.cheap_operation.0`,
		`${conv.key}.cheap_operation.1`,
		{ block: conv.block, role: 'cheap' },
		lastOutput(primary),
		intrinsic * (ratio - 1),
		{ kernel: cheapKernel, depthwise: true, activation: bn.activation }
	);
	return [...primary, ...cheap];
}

function swapBlock(block: Block, ratio: number, cheapKernel: number): Block {
	const layers: Layer[] = [];
	for (let i = 0; i < block.layers.length; i++) {
		const layer = block.layers[i];
		const bn = block.layers[i + 1];
		if (isSwapped(layer) && bn?.op === 'bn') {
			layers.push(...ghostModuleLayers(layer, bn, ratio, cheapKernel));
			i++;
		} else layers.push(layer);
	}
	return { ...block, layers };
}

/**
 * The spec with each 1×1 expand and project conv of every block replaced by a Ghost module of ratio s
 * (cheap kernel d, default 3). Throws SpecError for s outside [1, LIMITS.ghostRatio.max] or an even or
 * out-of-range d. The input spec is not changed.
 */
export function ghostEfficientNet(spec: EfficientNetSpec, options: GhostSwapOptions): EfficientNetSpec {
	const ratio = integerInRange('ghostRatio', options.ratio, 1, LIMITS.ghostRatio.max);
	const cheapKernel = integerInRange('cheapKernel', options.cheapKernel ?? 3, 1, 9);
	if (cheapKernel % 2 === 0) throw new SpecError('cheapKernel', cheapKernel, 'must be odd');
	const stages = spec.stages.map((stage) => ({
		...stage,
		blocks: stage.blocks.map((b) => swapBlock(b, ratio, cheapKernel))
	}));
	return {
		...spec,
		name: `${spec.name}_ghost_s${ratio}`,
		ghostModules: { ratio, cheapKernel },
		stages,
		layers: [
			...spec.stem,
			...stages.flatMap((s) => s.blocks.flatMap((b) => b.layers)),
			...spec.head,
			spec.classifier
		]
	};
}
