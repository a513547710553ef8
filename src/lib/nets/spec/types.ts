/**
 * Types of a resolved network spec: plain, JSON-serializable data that describes every block and every
 * parameterized layer of an EfficientNet or GhostNet, with timm state_dict names and shapes.
 *
 * Conventions used throughout:
 * - Shapes of activations are `[H, W, C]` (batch omitted; the networks run with batch 1, NHWC).
 * - Layer order is execution order, which is also the timm `state_dict` order.
 * - A convolution followed by a BatchNorm is two layers: the conv (activation 'none') and the BN, whose
 *   `activation` is the one timm's BatchNormAct2d applies after it.
 * - `key` is the timm state_dict prefix: `${key}.weight`, `${key}.bias`, `${key}.running_mean`, ...
 */

export type Family = 'efficientnet' | 'ghostnet';

/** Activation shape `[height, width, channels]`. */
export type Shape = [number, number, number];

export type Activation = 'none' | 'relu' | 'silu' | 'sigmoid' | 'hardsigmoid';

/** 'conv': dense (groups = 1) convolution; 'depthwise': groups = input channels; 'linear': fully connected. */
export type OpKind = 'conv' | 'depthwise' | 'linear' | 'bn';

/**
 * What a layer does in its block, for charts such as "where the MACs go".
 * - stem: the first 3x3 conv (+BN); head: EfficientNet conv_head+bn2, GhostNet's final 1x1 ConvBnAct
 *   (`blocks.9.0`) and its conv_head (1x1 with bias, on the pooled map); classifier: the final linear.
 * - expand / project: 1x1 convs of MBConv blocks (project is also the DS block's `conv_pw`).
 * - depthwise: k x k depthwise convs (MBConv `conv_dw`, GhostNet stride-2 `conv_dw`).
 * - se: both 1x1 convs of a squeeze-and-excitation unit.
 * - primary / cheap: the two halves of a Ghost module (1x1 conv; 3x3 depthwise "cheap operation").
 * - conv: the ordinary 1x1 conv that replaces a Ghost module when `moduleKind` is 'conv'.
 * - shortcut: the projection shortcut of a Ghost bottleneck (depthwise k x k + 1x1).
 */
export type LayerRole =
	| 'stem'
	| 'expand'
	| 'depthwise'
	| 'se'
	| 'project'
	| 'primary'
	| 'cheap'
	| 'conv'
	| 'shortcut'
	| 'head'
	| 'classifier';

export const LAYER_ROLES: readonly LayerRole[] = [
	'stem',
	'expand',
	'depthwise',
	'se',
	'project',
	'primary',
	'cheap',
	'conv',
	'shortcut',
	'head',
	'classifier'
];

export interface Layer {
	/** timm state_dict prefix, e.g. 'blocks.1.0.conv_pw' or 'blocks.3.0.ghost1.primary_conv.1'. */
	key: string;
	/** Block name ('blocks.i.j') or null for the stem, head and classifier. */
	block: string | null;
	role: LayerRole;
	op: OpKind;
	inChannels: number;
	outChannels: number;
	/** Square kernel size. BN and linear layers: 1. */
	kernel: number;
	stride: number;
	/** Symmetric zero padding on each side (PyTorch semantics). */
	padding: number;
	/** Conv groups (depthwise: input channels; BN: channels, since it is a per-channel affine map). */
	groups: number;
	/** Whether the layer has a bias (BN: true, its beta). */
	bias: boolean;
	input: Shape;
	output: Shape;
	/** Activation applied right after this layer (convs followed by a BN have 'none'). */
	activation: Activation;
	/** PyTorch parameter shape of `${key}.weight` ([out, in/groups, k, k]; linear [out, in]; BN [C]). */
	weightShape: number[];
}

export type BlockType = 'ds' | 'ir' | 'ghost' | 'conv';

/** How the block input reaches its output: added unchanged, through a projection, or not at all. */
export type Shortcut = 'identity' | 'projection' | 'none';

/** A Ghost module (or its ordinary-conv replacement) inside a Ghost bottleneck, for diagrams. */
export interface GhostModuleSpec {
	/** 'blocks.i.j.ghost1' or 'blocks.i.j.ghost2'. */
	key: string;
	kind: 'ghost' | 'conv';
	inChannels: number;
	outChannels: number;
	/** Ratio s. Intrinsic maps = ceil(out / s); ghost maps = intrinsic * (s - 1); concat, sliced to out. */
	ratio: number;
	/** Intrinsic (primary) channels; equals outChannels when kind is 'conv'. */
	primaryChannels: number;
	/** Ghost (cheap) channels; 0 when kind is 'conv'. */
	cheapChannels: number;
	/** Kernel of the primary conv (1) and of the cheap depthwise op (3). */
	primaryKernel: number;
	cheapKernel: number;
	/** ReLU after BN (ghost1: true; ghost2: false). */
	relu: boolean;
	spatial: [number, number];
}

export interface Block {
	/** timm module name, 'blocks.i.j'. */
	name: string;
	stage: number;
	index: number;
	/** Position among all blocks of the network, from 0 (timm drop-path rate = rate * globalIndex / count). */
	globalIndex: number;
	/** ds: depthwise-separable (EfficientNet stage 0); ir: MBConv; ghost: Ghost bottleneck; conv: ConvBnAct. */
	type: BlockType;
	inChannels: number;
	/** Expanded channels (ds: = in; ghost: the "#exp" of the GhostNet table; conv: = out). */
	midChannels: number;
	outChannels: number;
	/** Expansion ratio of an MBConv (1 or 6); null for other blocks. */
	expandRatio: number | null;
	kernel: number;
	stride: number;
	/** Squeeze-and-excitation reduce width, or null without SE. */
	seWidth: number | null;
	shortcut: Shortcut;
	input: Shape;
	output: Shape;
	/** Ghost bottlenecks only: ghost1 (expansion) and ghost2 (projection). */
	ghost?: { ghost1: GhostModuleSpec; ghost2: GhostModuleSpec };
	layers: Layer[];
}

export interface Stage {
	/** timm `blocks[index]`. */
	index: number;
	blocks: Block[];
	input: Shape;
	output: Shape;
}

export interface EfficientNetResolvedConfig {
	/** The options as given. */
	input: EfficientNetOptions;
	/** Multipliers actually used (for variants: the reference code table, facts.md A.4). */
	width: number;
	depth: number;
	/** Set when built from φ: d = α^φ, w = β^φ, r = round(224·γ^φ). */
	phi: { phi: number; alpha: number; beta: number; gamma: number } | null;
	variant: EfficientNetVariant | null;
}

export interface GhostNetResolvedConfig {
	input: GhostNetOptions;
	width: number;
	ratio: number;
	moduleKind: 'ghost' | 'conv';
}

export interface NetSpecBase {
	name: string;
	resolution: number;
	numClasses: number;
	/** Input shape [R, R, 3]. */
	input: Shape;
	/** stem layers (conv_stem, bn1). */
	stem: Layer[];
	stages: Stage[];
	/** Layers after the last stage, before the classifier. */
	head: Layer[];
	/**
	 * Where global average pooling sits in the head: before head[poolAt]. EfficientNet: head.length
	 * (conv_head + bn2 run on the feature map, then pooling); GhostNet: 0 (pool, then conv_head on 1x1).
	 */
	poolAt: number;
	classifier: Layer;
	/** Shape of the final feature map before global pooling (the 'features' tap). */
	features: Shape;
	/** Every layer in execution (= state_dict) order: stem, blocks, head, classifier. */
	layers: Layer[];
}

export interface EfficientNetSpec extends NetSpecBase {
	family: 'efficientnet';
	config: EfficientNetResolvedConfig;
	/**
	 * Set by `ghostEfficientNet`: the 1×1 expand and project convs are Ghost modules of this ratio and
	 * cheap kernel. Such a network was never trained; no checkpoint exists for it.
	 */
	ghostModules?: { ratio: number; cheapKernel: number };
}

export interface GhostNetSpec extends NetSpecBase {
	family: 'ghostnet';
	config: GhostNetResolvedConfig;
}

export type NetSpec = EfficientNetSpec | GhostNetSpec;

export type EfficientNetVariant = 'b0' | 'b1' | 'b2' | 'b3' | 'b4' | 'b5' | 'b6' | 'b7';

export type EfficientNetOptions = (
	| { variant: EfficientNetVariant }
	| { phi: number; alpha?: number; beta?: number; gamma?: number }
	| { width: number; depth: number; resolution?: number }
) & { numClasses?: number };

export interface GhostNetOptions {
	width: number;
	numClasses?: number;
	resolution?: number;
	/** Ghost ratio s (default 2). */
	ghostRatio?: number;
	/** 'conv' replaces every Ghost module with one 1x1 conv + BN (+ReLU) of the same output width. */
	moduleKind?: 'ghost' | 'conv';
}

/** A spec option outside its sane range; `field` names the option, `value` what was given. */
export class SpecError extends Error {
	readonly field: string;
	readonly value: unknown;
	constructor(field: string, value: unknown, message: string) {
		super(`${field}: ${message} (got ${String(value)})`);
		this.name = 'SpecError';
		this.field = field;
		this.value = value;
	}
}
