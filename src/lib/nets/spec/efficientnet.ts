/**
 * EfficientNet as data.
 *
 * Paper: M. Tan, Q. V. Le, "EfficientNet: Rethinking Model Scaling for Convolutional Neural Networks",
 * ICML 2019, arXiv:1905.11946 (Table 1: the B0 baseline; §3.3: compound scaling d = α^φ, w = β^φ,
 * r = γ^φ with α = 1.2, β = 1.1, γ = 1.15).
 * Reference implementations: tensorflow/tpu `models/official/efficientnet` (block args, `round_filters`,
 * `round_repeats`, the B0–B7 coefficient table) and timm `efficientnet_b0` (huggingface/pytorch-image-models
 * `timm/models/efficientnet.py`, `_efficientnet_blocks.py`, `_efficientnet_builder.py`), whose names
 * and layouts we load. Numbers and rules: ../shared/reference/facts.md A.4, A.5, A.7, D.2.
 *
 * Deviations and choices (all follow timm `efficientnet_*`, not `tf_efficientnet_*`):
 * - Padding is PyTorch-symmetric ((s − 1) + (k − 1)) // 2 on every conv, also at stride 2, where TF
 *   'same' would pad asymmetrically.
 * - BatchNorm eps is 1e-5 (PyTorch default), not the TPU's 1e-3.
 * - The SE reduce width is int(block input channels × 0.25), as in TPU, Keras and timm.
 * - Released B1–B7 use the hand-set table of the reference code, not α^φ, β^φ, γ^φ; both are offered.
 *   From φ, r = round(224·γ^φ); φ < 0 and non-integer φ are allowed.
 */
import { bnLayer, convBn, convLayer, lastOutput, linearLayer, seLayers } from './layers';
import { roundFilters, roundRepeats } from './rounding';
import type {
	Block,
	EfficientNetOptions,
	EfficientNetResolvedConfig,
	EfficientNetSpec,
	EfficientNetVariant,
	Layer,
	Shape,
	Stage
} from './types';
import { SpecError } from './types';
import { LIMITS, inClosedRange, positiveUpTo, validNumClasses, validResolution } from './validate';

/** Reference code table (width, depth, resolution), facts.md A.4. */
export const EFFICIENTNET_VARIANTS: Record<
	EfficientNetVariant,
	{ width: number; depth: number; resolution: number }
> = {
	b0: { width: 1.0, depth: 1.0, resolution: 224 },
	b1: { width: 1.0, depth: 1.1, resolution: 240 },
	b2: { width: 1.1, depth: 1.2, resolution: 260 },
	b3: { width: 1.2, depth: 1.4, resolution: 300 },
	b4: { width: 1.4, depth: 1.8, resolution: 380 },
	b5: { width: 1.6, depth: 2.2, resolution: 456 },
	b6: { width: 1.8, depth: 2.6, resolution: 528 },
	b7: { width: 2.0, depth: 3.1, resolution: 600 }
};

/** The paper's grid-search result for φ = 1 (§3.3). */
export const COMPOUND_COEFFICIENTS = { alpha: 1.2, beta: 1.1, gamma: 1.15 } as const;

/** B0 stages (facts.md A.5): kernel, repeats, output channels, expand ratio, stride. */
export const EFFICIENTNET_B0_STAGES = [
	{ kernel: 3, repeats: 1, out: 16, expand: 1, stride: 1 },
	{ kernel: 3, repeats: 2, out: 24, expand: 6, stride: 2 },
	{ kernel: 5, repeats: 2, out: 40, expand: 6, stride: 2 },
	{ kernel: 3, repeats: 3, out: 80, expand: 6, stride: 2 },
	{ kernel: 5, repeats: 3, out: 112, expand: 6, stride: 1 },
	{ kernel: 5, repeats: 4, out: 192, expand: 6, stride: 2 },
	{ kernel: 3, repeats: 1, out: 320, expand: 6, stride: 1 }
] as const;

const STEM_CHANNELS = 32;
const HEAD_CHANNELS = 1280;
const SE_RATIO = 0.25;

/** Resolve EfficientNet options to width/depth/resolution multipliers, validating every number. */
export function resolveEfficientNetConfig(
	options: EfficientNetOptions
): EfficientNetResolvedConfig & { resolution: number } {
	if ('variant' in options) {
		const row = EFFICIENTNET_VARIANTS[options.variant];
		if (!row) throw new SpecError('variant', options.variant, 'must be one of b0..b7');
		return { input: options, ...row, phi: null, variant: options.variant };
	}
	if ('phi' in options) {
		const phi = inClosedRange('phi', options.phi, LIMITS.phi.min, LIMITS.phi.max);
		const { min, max } = LIMITS.coefficient;
		const alpha = inClosedRange('alpha', options.alpha ?? COMPOUND_COEFFICIENTS.alpha, min, max);
		const beta = inClosedRange('beta', options.beta ?? COMPOUND_COEFFICIENTS.beta, min, max);
		const gamma = inClosedRange('gamma', options.gamma ?? COMPOUND_COEFFICIENTS.gamma, min, max);
		return {
			input: options,
			depth: positiveUpTo('depth (α^φ)', alpha ** phi, LIMITS.depth.max),
			width: positiveUpTo('width (β^φ)', beta ** phi, LIMITS.width.max),
			resolution: validResolution(Math.round(224 * gamma ** phi), 'resolution (round(224·γ^φ))'),
			phi: { phi, alpha, beta, gamma },
			variant: null
		};
	}
	if ('width' in options || 'depth' in options) {
		return {
			input: options,
			width: positiveUpTo('width', options.width, LIMITS.width.max),
			depth: positiveUpTo('depth', options.depth, LIMITS.depth.max),
			resolution: validResolution(options.resolution ?? 224),
			phi: null,
			variant: null
		};
	}
	throw new SpecError('options', JSON.stringify(options), 'give { variant }, { phi } or { width, depth }');
}

function specName(config: EfficientNetResolvedConfig, resolution: number): string {
	if (config.variant) return `efficientnet_${config.variant}`;
	if (config.phi) return `efficientnet_phi${config.phi.phi}`;
	const base = `efficientnet_w${config.width}_d${config.depth}`;
	return resolution === 224 ? base : `${base}_r${resolution}`;
}

interface BlockArgs {
	name: string;
	stage: number;
	index: number;
	globalIndex: number;
	input: Shape;
	out: number;
	kernel: number;
	stride: number;
	expand: number;
}

/** timm DepthwiseSeparableConv: conv_dw → bn1(SiLU) → SE → conv_pw → bn2. */
function dsLayers(a: BlockArgs, seWidth: number): Layer[] {
	const n = a.name;
	const place = (role: Layer['role']) => ({ block: n, role });
	const dw = convBn(`${n}.conv_dw`, `${n}.bn1`, place('depthwise'), a.input, a.input[2], {
		kernel: a.kernel,
		stride: a.stride,
		depthwise: true,
		activation: 'silu'
	});
	const se = seLayers(`${n}.se`, n, a.input[2], seWidth, 'silu', 'sigmoid');
	const pw = convBn(`${n}.conv_pw`, `${n}.bn2`, place('project'), lastOutput(dw), a.out, { kernel: 1 });
	return [...dw, ...se, ...pw];
}

/** timm InvertedResidual: conv_pw → bn1(SiLU) → conv_dw → bn2(SiLU) → SE → conv_pwl → bn3. */
function irLayers(a: BlockArgs, mid: number, seWidth: number): Layer[] {
	const n = a.name;
	const place = (role: Layer['role']) => ({ block: n, role });
	const pw = convBn(`${n}.conv_pw`, `${n}.bn1`, place('expand'), a.input, mid, {
		kernel: 1,
		activation: 'silu'
	});
	const dw = convBn(`${n}.conv_dw`, `${n}.bn2`, place('depthwise'), lastOutput(pw), mid, {
		kernel: a.kernel,
		stride: a.stride,
		depthwise: true,
		activation: 'silu'
	});
	const se = seLayers(`${n}.se`, n, mid, seWidth, 'silu', 'sigmoid');
	const pwl = convBn(`${n}.conv_pwl`, `${n}.bn3`, place('project'), lastOutput(dw), a.out, { kernel: 1 });
	return [...pw, ...dw, ...se, ...pwl];
}

function mbconvBlock(a: BlockArgs): Block {
	const inChannels = a.input[2];
	const isDs = a.expand === 1;
	const mid = inChannels * a.expand;
	const seWidth = Math.max(1, Math.floor(inChannels * SE_RATIO));
	const layers = isDs ? dsLayers(a, seWidth) : irLayers(a, mid, seWidth);
	return {
		name: a.name,
		stage: a.stage,
		index: a.index,
		globalIndex: a.globalIndex,
		type: isDs ? 'ds' : 'ir',
		inChannels,
		midChannels: mid,
		outChannels: a.out,
		expandRatio: a.expand,
		kernel: a.kernel,
		stride: a.stride,
		seWidth,
		shortcut: a.stride === 1 && inChannels === a.out ? 'identity' : 'none',
		input: a.input,
		output: lastOutput(layers),
		layers
	};
}

function buildStages(stemOutput: Shape, width: number, depth: number): Stage[] {
	const stages: Stage[] = [];
	let shape = stemOutput;
	let globalIndex = 0;
	EFFICIENTNET_B0_STAGES.forEach((row, stage) => {
		const stageInput = shape;
		const blocks: Block[] = [];
		const repeats = roundRepeats(row.repeats, depth);
		for (let index = 0; index < repeats; index++) {
			const block = mbconvBlock({
				name: `blocks.${stage}.${index}`,
				stage,
				index,
				globalIndex: globalIndex++,
				input: shape,
				out: roundFilters(row.out, width),
				kernel: row.kernel,
				stride: index === 0 ? row.stride : 1,
				expand: row.expand
			});
			blocks.push(block);
			shape = block.output;
		}
		stages.push({ index: stage, blocks, input: stageInput, output: shape });
	});
	return stages;
}

/**
 * Resolve an EfficientNet: `{ variant: 'b0'..'b7' }`, `{ phi, alpha?, beta?, gamma? }` (defaults 1.2,
 * 1.1, 1.15) or `{ width, depth, resolution? }` (default 224), each with optional `numClasses` (1000).
 * Throws SpecError for values outside LIMITS.
 */
export function efficientnet(options: EfficientNetOptions): EfficientNetSpec {
	const { resolution, ...config } = resolveEfficientNetConfig(options);
	const numClasses = validNumClasses(options.numClasses);
	const input: Shape = [resolution, resolution, 3];
	const stemPlace = { block: null, role: 'stem' as const };
	const stem = convBn('conv_stem', 'bn1', stemPlace, input, roundFilters(STEM_CHANNELS, config.width), {
		kernel: 3,
		stride: 2,
		activation: 'silu'
	});
	const stages = buildStages(lastOutput(stem), config.width, config.depth);
	const headPlace = { block: null, role: 'head' as const };
	const headConv = convLayer(
		'conv_head',
		headPlace,
		stages[stages.length - 1].output,
		roundFilters(HEAD_CHANNELS, config.width),
		{
			kernel: 1
		}
	);
	const head = [headConv, bnLayer('bn2', headPlace, headConv.output, 'silu')];
	const classifier = linearLayer(
		'classifier',
		{ block: null, role: 'classifier' },
		headConv.outChannels,
		numClasses
	);
	return {
		family: 'efficientnet',
		name: specName(config, resolution),
		config,
		resolution,
		numClasses,
		input,
		stem,
		stages,
		head,
		poolAt: head.length,
		classifier,
		features: lastOutput(head),
		layers: [...stem, ...stages.flatMap((s) => s.blocks.flatMap((b) => b.layers)), ...head, classifier]
	};
}
