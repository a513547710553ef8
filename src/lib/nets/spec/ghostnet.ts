/**
 * GhostNet (v1) as data.
 *
 * Paper: K. Han, Y. Wang, Q. Tian, J. Guo, C. Xu, C. Xu, "GhostNet: More Features from Cheap
 * Operations", CVPR 2020, arXiv:1911.11907 (§3.1 Ghost module, §3.2 Ghost bottleneck, Table 1 overall
 * architecture). Reference implementations: huawei-noah/Efficient-AI-Backbones `ghostnet_pytorch/ghostnet.py`
 * (the `cfgs` table, `_make_divisible`, GhostModule, GhostBottleneck) and timm `ghostnet_100`
 * (huggingface/pytorch-image-models `timm/models/ghostnet.py`), which has the same state_dict names.
 * Numbers and rules: ../shared/reference/facts.md C.2, C.3, C.6, D.3.
 *
 * Rules and choices:
 * - Every channel count (stem, #exp, #out, the final 960) is makeDivisible(c × width, 4); conv_head
 *   stays 1280 and has a bias; the SE reduce width is makeDivisible(mid × 0.25, 4) with a hard-sigmoid
 *   gate relu6(x + 3) / 6 (PyTorch's, not the tfjs-layers 'hardSigmoid' 0.2x + 0.5).
 * - Ghost module: intrinsic = ceil(out / s) maps from a 1x1 conv, ghost maps = intrinsic × (s − 1) from
 *   a 3x3 depthwise conv with channel multiplier s − 1, concatenated and sliced to `out`.
 *   s defaults to 2 (the published models); other s are an extension for the Ghost lab.
 * - The shortcut is a projection (depthwise k x k at the block stride + BN, 1x1 + BN) whenever
 *   in ≠ out or stride 2, also at stride 1 (blocks.6.3).
 * - `moduleKind: 'conv'` (not in the paper's models) swaps each Ghost module for one 1x1 conv + BN
 *   (+ReLU) of the same width, named `ghostN.conv` / `ghostN.bn`, for the Ghost-vs-conv comparison.
 * - Padding is symmetric k // 2 everywhere; BatchNorm eps 1e-5.
 */
import { convBn, convLayer, lastOutput, linearLayer, seLayers } from './layers';
import { makeDivisible } from './rounding';
import type { Block, GhostModuleSpec, GhostNetOptions, GhostNetSpec, Layer, Shape, Stage } from './types';
import { SpecError } from './types';
import { LIMITS, integerInRange, positiveUpTo, validNumClasses, validResolution } from './validate';

/** One Ghost bottleneck of the official cfgs: kernel, #exp, #out, SE, stride. */
export interface GhostBottleneckRow {
	kernel: number;
	exp: number;
	out: number;
	se: boolean;
	stride: number;
}

const row = (kernel: number, exp: number, out: number, se: boolean, stride: number): GhostBottleneckRow => ({
	kernel,
	exp,
	out,
	se,
	stride
});

/** Official GhostNet cfgs (facts.md C.3), grouped into timm's stages blocks.0 … blocks.8. */
export const GHOSTNET_STAGES: readonly (readonly GhostBottleneckRow[])[] = [
	[row(3, 16, 16, false, 1)],
	[row(3, 48, 24, false, 2)],
	[row(3, 72, 24, false, 1)],
	[row(5, 72, 40, true, 2)],
	[row(5, 120, 40, true, 1)],
	[row(3, 240, 80, false, 2)],
	[
		row(3, 200, 80, false, 1),
		row(3, 184, 80, false, 1),
		row(3, 184, 80, false, 1),
		row(3, 480, 112, true, 1),
		row(3, 672, 112, true, 1)
	],
	[row(5, 672, 160, true, 2)],
	[
		row(5, 960, 160, false, 1),
		row(5, 960, 160, true, 1),
		row(5, 960, 160, false, 1),
		row(5, 960, 160, true, 1)
	]
];

const STEM_CHANNELS = 16;
const FINAL_CHANNELS = 960;
const HEAD_CHANNELS = 1280;
const CHEAP_KERNEL = 3;

interface ModuleArgs {
	key: string;
	block: string;
	input: Shape;
	out: number;
	relu: boolean;
	ratio: number;
	kind: 'ghost' | 'conv';
}

function ghostModule(a: ModuleArgs): { spec: GhostModuleSpec; layers: Layer[] } {
	const act = a.relu ? 'relu' : 'none';
	const spatial: [number, number] = [a.input[0], a.input[1]];
	const common = {
		key: a.key,
		kind: a.kind,
		inChannels: a.input[2],
		outChannels: a.out,
		ratio: a.ratio,
		relu: a.relu,
		spatial
	};
	if (a.kind === 'conv') {
		const layers = convBn(`${a.key}.conv`, `${a.key}.bn`, { block: a.block, role: 'conv' }, a.input, a.out, {
			kernel: 1,
			activation: act
		});
		return {
			spec: { ...common, primaryChannels: a.out, cheapChannels: 0, primaryKernel: 1, cheapKernel: 0 },
			layers
		};
	}
	const init = Math.ceil(a.out / a.ratio);
	const cheap = init * (a.ratio - 1);
	const primary = convBn(
		`${a.key}.primary_conv.0`,
		`${a.key}.primary_conv.1`,
		{ block: a.block, role: 'primary' },
		a.input,
		init,
		{
			kernel: 1,
			activation: act
		}
	);
	const cheapLayers = convBn(
		`${a.key}.cheap_operation.0`,
		`${a.key}.cheap_operation.1`,
		{ block: a.block, role: 'cheap' },
		lastOutput(primary),
		cheap,
		{ kernel: CHEAP_KERNEL, depthwise: true, activation: act }
	);
	return {
		spec: {
			...common,
			primaryChannels: init,
			cheapChannels: cheap,
			primaryKernel: 1,
			cheapKernel: CHEAP_KERNEL
		},
		layers: [...primary, ...cheapLayers]
	};
}

interface BottleneckArgs {
	name: string;
	stage: number;
	index: number;
	globalIndex: number;
	input: Shape;
	row: GhostBottleneckRow;
	width: number;
	ratio: number;
	kind: 'ghost' | 'conv';
}

function shortcutLayers(name: string, input: Shape, out: number, kernel: number, stride: number): Layer[] {
	const place = { block: name, role: 'shortcut' as const };
	const dw = convBn(`${name}.shortcut.0`, `${name}.shortcut.1`, place, input, input[2], {
		kernel,
		stride,
		depthwise: true
	});
	return [
		...dw,
		...convBn(`${name}.shortcut.2`, `${name}.shortcut.3`, place, lastOutput(dw), out, { kernel: 1 })
	];
}

function ghostBottleneck(a: BottleneckArgs): Block {
	const { name, row: r } = a;
	const mid = makeDivisible(r.exp * a.width, 4);
	const out = makeDivisible(r.out * a.width, 4);
	const seWidth = r.se ? makeDivisible(mid * 0.25, 4) : null;
	const common = { block: name, ratio: a.ratio, kind: a.kind };
	const ghost1 = ghostModule({ ...common, key: `${name}.ghost1`, input: a.input, out: mid, relu: true });
	let shape: Shape = [a.input[0], a.input[1], mid];
	const layers = [...ghost1.layers];
	if (r.stride > 1) {
		layers.push(
			...convBn(`${name}.conv_dw`, `${name}.bn_dw`, { block: name, role: 'depthwise' }, shape, mid, {
				kernel: r.kernel,
				stride: r.stride,
				depthwise: true
			})
		);
		shape = lastOutput(layers);
	}
	if (seWidth !== null) layers.push(...seLayers(`${name}.se`, name, mid, seWidth, 'relu', 'hardsigmoid'));
	const ghost2 = ghostModule({ ...common, key: `${name}.ghost2`, input: shape, out, relu: false });
	layers.push(...ghost2.layers);
	const projection = a.input[2] !== out || r.stride !== 1;
	if (projection) layers.push(...shortcutLayers(name, a.input, out, r.kernel, r.stride));
	return {
		name,
		stage: a.stage,
		index: a.index,
		globalIndex: a.globalIndex,
		type: 'ghost',
		inChannels: a.input[2],
		midChannels: mid,
		outChannels: out,
		expandRatio: null,
		kernel: r.kernel,
		stride: r.stride,
		seWidth,
		shortcut: projection ? 'projection' : 'identity',
		input: a.input,
		output: [shape[0], shape[1], out],
		ghost: { ghost1: ghost1.spec, ghost2: ghost2.spec },
		layers
	};
}

/** timm's 10th stage, blocks.9.0: ConvBnAct 1x1 to makeDivisible(960 × width, 4). */
function finalConvStage(input: Shape, width: number, globalIndex: number): Stage {
	const name = 'blocks.9.0';
	const out = makeDivisible(FINAL_CHANNELS * width, 4);
	const layers = convBn(`${name}.conv`, `${name}.bn1`, { block: name, role: 'head' }, input, out, {
		kernel: 1,
		activation: 'relu'
	});
	const output = lastOutput(layers);
	const block: Block = {
		name,
		stage: 9,
		index: 0,
		globalIndex,
		type: 'conv',
		inChannels: input[2],
		midChannels: out,
		outChannels: out,
		expandRatio: null,
		kernel: 1,
		stride: 1,
		seWidth: null,
		shortcut: 'none',
		input,
		output,
		layers
	};
	return { index: 9, blocks: [block], input, output };
}

function validGhostOptions(options: GhostNetOptions) {
	const kind = options.moduleKind ?? 'ghost';
	if (kind !== 'ghost' && kind !== 'conv')
		throw new SpecError('moduleKind', kind, "must be 'ghost' or 'conv'");
	return {
		width: positiveUpTo('width', options.width, LIMITS.width.max),
		resolution: validResolution(options.resolution ?? 224),
		numClasses: validNumClasses(options.numClasses),
		ratio: integerInRange(
			'ghostRatio',
			options.ghostRatio ?? 2,
			LIMITS.ghostRatio.min,
			LIMITS.ghostRatio.max
		),
		moduleKind: kind
	};
}

function specName(width: number, ratio: number, kind: 'ghost' | 'conv'): string {
	const published = [0.5, 1, 1.3].includes(width);
	let name = published
		? `ghostnet_${String(Math.round(width * 100)).padStart(3, '0')}`
		: `ghostnet_w${width}`;
	if (ratio !== 2) name += `_s${ratio}`;
	return kind === 'conv' ? `${name}_conv` : name;
}

/**
 * Resolve a GhostNet: `{ width, numClasses?, resolution?, ghostRatio?, moduleKind? }` (defaults 1000,
 * 224, 2, 'ghost'). Throws SpecError for values outside LIMITS.
 */
export function ghostnet(options: GhostNetOptions): GhostNetSpec {
	const v = validGhostOptions(options);
	const input: Shape = [v.resolution, v.resolution, 3];
	const stem = convBn(
		'conv_stem',
		'bn1',
		{ block: null, role: 'stem' },
		input,
		makeDivisible(STEM_CHANNELS * v.width, 4),
		{
			kernel: 3,
			stride: 2,
			activation: 'relu'
		}
	);
	const stages: Stage[] = [];
	let shape = lastOutput(stem);
	let globalIndex = 0;
	GHOSTNET_STAGES.forEach((rows, stage) => {
		const stageInput = shape;
		const blocks = rows.map((r, index) => {
			const args = { name: `blocks.${stage}.${index}`, stage, index, globalIndex: globalIndex++, row: r };
			const block = ghostBottleneck({
				...args,
				input: shape,
				width: v.width,
				ratio: v.ratio,
				kind: v.moduleKind
			});
			shape = block.output;
			return block;
		});
		stages.push({ index: stage, blocks, input: stageInput, output: shape });
	});
	stages.push(finalConvStage(shape, v.width, globalIndex));
	const features = stages[stages.length - 1].output;
	const headConv = convLayer('conv_head', { block: null, role: 'head' }, [1, 1, features[2]], HEAD_CHANNELS, {
		kernel: 1,
		bias: true,
		activation: 'relu'
	});
	const classifier = linearLayer(
		'classifier',
		{ block: null, role: 'classifier' },
		HEAD_CHANNELS,
		v.numClasses
	);
	const head = [headConv];
	return {
		family: 'ghostnet',
		name: specName(v.width, v.ratio, v.moduleKind),
		config: { input: options, width: v.width, ratio: v.ratio, moduleKind: v.moduleKind },
		resolution: v.resolution,
		numClasses: v.numClasses,
		input,
		stem,
		stages,
		head,
		poolAt: 0,
		classifier,
		features,
		layers: [...stem, ...stages.flatMap((s) => s.blocks.flatMap((b) => b.layers)), ...head, classifier]
	};
}
