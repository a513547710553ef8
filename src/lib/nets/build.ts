/**
 * Resolved spec + timm weights → a tfjs inference network with named taps (tfjs; import it from
 * '$lib/nets/build', not from '$lib/nets', so pages that only need specs do not bundle tfjs).
 *
 * Exact timm semantics (facts.md D.2, D.3, D.5): BN eps 1e-5 folded into the preceding conv at load time;
 * symmetric padding (a numeric pad inside the conv at stride 2); SiLU = x·sigmoid(x) for EfficientNet;
 * ReLU and the PyTorch hard-sigmoid relu6(x + 3) / 6 for GhostNet. Convs run as tf.fused conv2d /
 * depthwiseConv2d with bias (+ ReLU / sigmoid when fusable); SE units, GhostNet's conv_head and the
 * classifier run as 1x1 convs on the pooled [N, 1, 1, C] map. Small Ghost modules run without their
 * concat (fold.ts: fuseGhostModule); a Ghost module followed by a depthwise conv runs that conv on each
 * half before the concat (fold.ts: splitDepthwise). Model API as tfjs-models: synchronous `infer` inside tf.tidy, async
 * `classify` that disposes its own tensors, `warmup`, `dispose`.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
	add,
	applyConv,
	applyDense,
	applyRawConv,
	applySe,
	concatChannels,
	concatChannelsAdd,
	globalAvgPool,
	hardSigmoidWeights,
	type ConvOp,
	type DenseOp
} from './build-ops';
import { foldBatchNorm, fuseGhostModule, splitDepthwise, type FoldedConv } from './fold';
import { tapNames } from './spec/taps';
import type { Block, GhostModuleSpec, Layer, NetSpec } from './spec/types';
import type { SafetensorsFile } from './weights/safetensors';
import { mapTimmWeights, type MappedTensor, type MappedWeights } from './weights/timm';

type Step =
	| { kind: 'conv'; op: ConvOp }
	| { kind: 'se'; reduce: DenseOp; expand: DenseOp }
	| { kind: 'ghost'; tap: string; primary: ConvOp; cheap: ConvOp; out: number }
	/** A Ghost module without concat: wide primary conv, then a depthwise conv (see fuseGhostModule). */
	| { kind: 'fused-ghost'; tap: string; wide: ConvOp; spread: ConvOp; primary: number; out: number }
	/** A Ghost module and the depthwise conv after it, applied to each half before the concat (splitDepthwise). */
	| {
			kind: 'ghost-split-depthwise';
			tap: string;
			primary: ConvOp;
			cheap: ConvOp;
			depthwise: [ConvOp, ConvOp];
	  };

interface BlockProgram {
	name: string;
	main: Step[];
	shortcut: 'identity' | 'none' | ConvOp[];
}

export interface InferOptions {
	/** Names from `net.tapNames` (see spec/taps.ts). */
	taps?: string[];
	/**
	 * Called after each section of the network has issued its kernels: 'stem', 'blocks.<i>' per stage,
	 * 'head' (the convs before the pooling), 'classifier' (pooling and the layers after it). A profiler
	 * uses it to attribute kernels to stages.
	 */
	onSection?: (section: string) => void;
}

// A type alias (not an interface) so that it is a tf.TensorContainer that tf.tidy can return.
export type InferResult = {
	/** [N, numClasses], no softmax. */
	logits: tf.Tensor2D;
	/** Requested taps, NHWC. Two names may share one tensor (e.g. a stage and its last block). */
	taps: Record<string, tf.Tensor4D>;
};

export interface Prediction {
	index: number;
	probability: number;
}

export interface Net {
	readonly spec: NetSpec;
	/** Trainable parameters consumed from the checkpoint (timm's count: weights, biases, BN γ and β). */
	readonly paramCount: number;
	/** Floats held by the built network's tensors (after BN folding). */
	readonly storedElements: number;
	readonly tapNames: readonly string[];
	/** Synchronous forward pass of an NHWC float32 batch [N, R, R, 3]; the caller disposes the result. */
	infer(input: tf.Tensor4D, options?: InferOptions): InferResult;
	/** Top-k classes of the first image, softmax probabilities; disposes every tensor it makes. */
	classify(input: tf.Tensor4D, k?: number): Promise<Prediction[]>;
	/** One forward pass on zeros, so that the first real call is not slowed by kernel compilation. */
	warmup(): Promise<void>;
	dispose(): void;
	readonly disposed: boolean;
}

/** Wrong input to a built network (bad shape, unknown tap, used after dispose). */
export class NetUsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'NetUsageError';
	}
}

/** Hands out mapped tensors once each, counts parameters, tracks every tfjs tensor it creates. */
class WeightStore {
	readonly taken = new Set<string>();
	readonly tensors: tf.Tensor[] = [];
	params = 0;
	constructor(private readonly weights: MappedWeights) {}

	take(key: string): MappedTensor {
		const t = this.weights.get(key);
		if (!t) throw new Error(`internal: ${key} was not mapped`);
		this.taken.add(key);
		if (!key.endsWith('.running_mean') && !key.endsWith('.running_var')) this.params += t.values.length;
		return t;
	}

	track<T extends tf.Tensor>(t: T): T {
		this.tensors.push(t);
		return t;
	}

	/** Read a tensor without taking it (an extra copy of a weight that is counted once). */
	peek(key: string): MappedTensor {
		const t = this.weights.get(key);
		if (!t) throw new Error(`internal: ${key} was not mapped`);
		return t;
	}

	untaken(): string[] {
		return [...this.weights.keys()].filter((k) => !this.taken.has(k));
	}
}

interface Unit {
	conv: Layer;
	bn: Layer | null;
}

/** Pair every conv/linear layer with the BatchNorm that follows it. */
function units(layers: Layer[]): Unit[] {
	const out: Unit[] = [];
	for (let i = 0; i < layers.length; i++) {
		const next = layers[i + 1];
		const bn = next?.op === 'bn' ? next : null;
		out.push({ conv: layers[i], bn });
		if (bn) i++;
	}
	return out;
}

/** A conv's weights with its BN folded in (bias null when it has neither bias nor BN). */
function foldUnit(
	store: WeightStore,
	{ conv, bn }: Unit
): { weight: Float32Array; bias: Float32Array | null; shape: FoldedConv['shape'] } {
	const w = store.take(`${conv.key}.weight`);
	const convBias = conv.bias ? store.take(`${conv.key}.bias`).values : null;
	const shape = w.shape as FoldedConv['shape'];
	if (!bn) return { weight: w.values, bias: convBias, shape };
	const p = (name: string) => store.take(`${bn.key}.${name}`).values;
	const bnParams = {
		gamma: p('weight'),
		beta: p('bias'),
		mean: p('running_mean'),
		variance: p('running_var')
	};
	return { ...foldBatchNorm(w.values, bnParams, convBias), shape };
}

function convOp(
	store: WeightStore,
	{ conv, bn }: Unit,
	{ weight, bias, shape }: { weight: Float32Array; bias: Float32Array | null; shape: FoldedConv['shape'] }
): ConvOp {
	return {
		key: conv.key,
		depthwise: conv.op === 'depthwise',
		filter: store.track(tf.tensor4d(weight, shape)),
		bias: bias ? store.track(tf.tensor1d(bias)) : null,
		kernel: conv.kernel,
		stride: conv.stride,
		padding: conv.padding,
		activation: bn ? bn.activation : conv.activation
	};
}

/** foldUnit with a zero bias where the conv has neither bias nor BN. */
function foldWithBias(store: WeightStore, unit: Unit): FoldedConv {
	const f = foldUnit(store, unit);
	const outputs = f.shape[3] * (unit.conv.op === 'depthwise' ? f.shape[2] : 1);
	return { ...f, bias: f.bias ?? new Float32Array(outputs) };
}

function compileConv(store: WeightStore, unit: Unit): ConvOp {
	return convOp(store, unit, foldUnit(store, unit));
}

function compileDense(store: WeightStore, layer: Layer): DenseOp {
	let weight = store.take(`${layer.key}.weight`).values;
	let bias = store.take(`${layer.key}.bias`).values;
	if (layer.activation === 'hardsigmoid') ({ weight, bias } = hardSigmoidWeights(weight, bias));
	return {
		key: layer.key,
		filter: store.track(tf.tensor4d(weight, [1, 1, layer.inChannels, layer.outChannels])),
		bias: store.track(tf.tensor1d(bias)),
		activation: layer.activation
	};
}

/**
 * Fuse a Ghost module (no concat) when the extra work of the wide primary conv, in·primary MACs per
 * pixel, is small; modules whose output is sliced keep the concat, so that the `.cheap` tap still has
 * every ghost map. A block's last module is not fused either: its concat also adds the block's
 * shortcut (runBlock), which saves a pass more than the fusion did. In GhostNet 1.0x that leaves one
 * fused module, the first block's ghost1 at 112×112.
 */
export const GHOST_FUSE_MAX_MACS_PER_PIXEL = 640;

function fusable(module: GhostModuleSpec, primary: Unit, cheap: Unit): boolean {
	const activation = (u: Unit) => (u.bn ? u.bn.activation : u.conv.activation);
	return (
		module.primaryChannels * module.ratio === module.outChannels &&
		activation(primary) === activation(cheap) &&
		module.inChannels * module.primaryChannels * module.primaryKernel ** 2 <= GHOST_FUSE_MAX_MACS_PER_PIXEL
	);
}

function compileGhost(
	store: WeightStore,
	module: GhostModuleSpec,
	primary: Unit,
	cheap: Unit,
	mayFuse: boolean
): Step {
	if (!mayFuse || !fusable(module, primary, cheap))
		return {
			kind: 'ghost',
			tap: module.key,
			primary: compileConv(store, primary),
			cheap: compileConv(store, cheap),
			out: module.outChannels
		};
	const { wide, spread } = fuseGhostModule(
		foldWithBias(store, primary),
		foldWithBias(store, cheap),
		module.outChannels
	);
	return {
		kind: 'fused-ghost',
		tap: module.key,
		wide: convOp(store, primary, wide),
		spread: convOp(store, cheap, spread),
		primary: module.primaryChannels,
		out: module.outChannels
	};
}

/**
 * A Ghost module whose every map feeds a depthwise conv: the conv runs on the intrinsic and the ghost
 * maps separately and the concat joins the (in GhostNet stride-2, so four times smaller) results.
 */
function compileGhostThenDepthwise(
	store: WeightStore,
	module: GhostModuleSpec,
	primary: Unit,
	cheap: Unit,
	depthwise: Unit
): Step {
	const halves = splitDepthwise(foldWithBias(store, depthwise), module.primaryChannels);
	return {
		kind: 'ghost-split-depthwise',
		tap: module.key,
		primary: compileConv(store, primary),
		cheap: compileConv(store, cheap),
		depthwise: [convOp(store, depthwise, halves[0]), convOp(store, depthwise, halves[1])]
	};
}

function compileBlock(store: WeightStore, block: Block): BlockProgram {
	const list = units(block.layers);
	const modules = block.ghost
		? [block.ghost.ghost1, block.ghost.ghost2].filter((m) => m.kind === 'ghost')
		: [];
	const main: Step[] = [];
	const shortcut: ConvOp[] = [];
	for (let i = 0; i < list.length; i++) {
		const role = list[i].conv.role;
		if (role === 'shortcut') shortcut.push(compileConv(store, list[i]));
		else if (role === 'se')
			main.push({
				kind: 'se',
				reduce: compileDense(store, list[i].conv),
				expand: compileDense(store, list[++i].conv)
			});
		else if (role === 'primary') {
			const module = modules.shift();
			const cheap = list[i + 1];
			if (!module || cheap?.conv.role !== 'cheap')
				throw new Error(`internal: malformed Ghost module in ${block.name}`);
			const next = list[i + 2];
			if (
				next?.conv.role === 'depthwise' &&
				next.conv.op === 'depthwise' &&
				module.primaryChannels * module.ratio === module.outChannels
			) {
				main.push(compileGhostThenDepthwise(store, module, list[i], cheap, next));
				i += 2;
			} else {
				// The block's last module joins its shortcut in one kernel (runBlock), which needs the concat.
				const joinsShortcut =
					block.shortcut !== 'none' && list.slice(i + 2).every((u) => u.conv.role === 'shortcut');
				main.push(compileGhost(store, module, list[i], cheap, !joinsShortcut));
				i++;
			}
		} else main.push({ kind: 'conv', op: compileConv(store, list[i]) });
	}
	return { name: block.name, main, shortcut: block.shortcut === 'projection' ? shortcut : block.shortcut };
}

/**
 * The maps of one forward pass: `keep` records a tap if it was asked for (a function is only called
 * then); `release` disposes maps that no later op reads, unless they are the network's input or a tap.
 * Released at once rather than at the end of infer's tf.tidy, a map's memory is what the next map of
 * its size gets while it is still in the cache, and XNNPACK sees the same addresses on every run. On
 * wasm, where every map otherwise went to fresh memory, the bench measured passes 4–11 % shorter.
 */
interface PassMaps {
	keep(name: string, t: tf.Tensor4D | (() => tf.Tensor4D)): void;
	release(...maps: tf.Tensor4D[]): void;
}

function channels(x: tf.Tensor4D, from: number, to: number): tf.Tensor4D {
	return tf.slice(x, [0, 0, 0, from], [-1, -1, -1, to - from]);
}

/** A Ghost module's intrinsic (primary) and ghost (cheap) maps, each kept as a tap if asked for. */
function ghostMaps(h: tf.Tensor4D, step: { tap: string; primary: ConvOp; cheap: ConvOp }, maps: PassMaps) {
	const primary = applyConv(h, step.primary);
	maps.keep(`${step.tap}.primary`, primary);
	const cheap = applyConv(primary, step.cheap);
	maps.keep(`${step.tap}.cheap`, cheap);
	return [primary, cheap] as const;
}

/** Ops in sequence, each op's input released once the next map exists (the first input is the caller's). */
function chain(x: tf.Tensor4D, ops: ConvOp[], maps: PassMaps): tf.Tensor4D {
	let h = x;
	for (const op of ops) {
		const next = applyConv(h, op);
		if (h !== x) maps.release(h);
		h = next;
	}
	return h;
}

/** One step of a block; `h` stays the caller's to release. */
function runStep(h: tf.Tensor4D, step: Step, maps: PassMaps): tf.Tensor4D {
	if (step.kind === 'conv') return applyConv(h, step.op);
	if (step.kind === 'se') return applySe(h, step.reduce, step.expand);
	if (step.kind === 'fused-ghost') {
		const both = chain(h, [step.wide, step.spread], maps);
		maps.keep(`${step.tap}.primary`, () => channels(both, 0, step.primary));
		maps.keep(`${step.tap}.cheap`, () => channels(both, step.primary, step.out));
		return both;
	}
	const [primary, cheap] = ghostMaps(h, step, maps);
	if (step.kind === 'ghost-split-depthwise') {
		const halves = [applyConv(primary, step.depthwise[0]), applyConv(cheap, step.depthwise[1])];
		maps.release(primary, cheap);
		const out = concatChannels(halves);
		maps.release(...halves);
		return out;
	}
	return joinGhost(primary, cheap, step.out, maps);
}

/** A Ghost module's output: its maps concatenated, cut to `out` channels (timm's slice). */
function joinGhost(primary: tf.Tensor4D, cheap: tf.Tensor4D, out: number, maps: PassMaps): tf.Tensor4D {
	const both = concatChannels([primary, cheap]);
	maps.release(primary, cheap);
	if (both.shape[3] === out) return both;
	const cut = channels(both, 0, out);
	maps.release(both);
	return cut;
}

/** One block; its input `x` stays the caller's to release. */
function runBlock(x: tf.Tensor4D, block: BlockProgram, maps: PassMaps): tf.Tensor4D {
	const shortcut = block.shortcut;
	const drop = (...list: tf.Tensor4D[]) => maps.release(...list.filter((t) => t !== x));
	const withResidual = (sum: (r: tf.Tensor4D) => tf.Tensor4D): tf.Tensor4D => {
		const r = shortcut === 'identity' || shortcut === 'none' ? x : chain(x, shortcut, maps);
		const out = sum(r);
		drop(r);
		return out;
	};
	const last = block.main.at(-1);
	const joinsShortcut = last?.kind === 'ghost' && shortcut !== 'none';
	let h = x;
	for (const step of joinsShortcut ? block.main.slice(0, -1) : block.main) {
		const next = runStep(h, step, maps);
		drop(h);
		h = next;
	}
	// A block that ends in a Ghost module (GhostNet's ghost2) adds its shortcut while joining the maps.
	if (joinsShortcut) {
		const [primary, cheap] = ghostMaps(h, last, maps);
		drop(h);
		if (primary.shape[3] + cheap.shape[3] === last.out) {
			const out = withResidual((r) => concatChannelsAdd(primary, cheap, r));
			drop(primary, cheap);
			return out;
		}
		h = joinGhost(primary, cheap, last.out, maps);
	}
	if (shortcut === 'none') return h;
	const out = withResidual((r) => add(h, r));
	drop(h);
	return out;
}

interface Program {
	stem: ConvOp;
	rawStem: tf.Tensor4D;
	stages: { index: number; blocks: BlockProgram[] }[];
	beforePool: ConvOp[];
	afterPool: DenseOp[];
	classifier: DenseOp;
}

function compile(spec: NetSpec, store: WeightStore): Program {
	const stem = units(spec.stem)[0];
	const rawStem = store.track(tf.tensor4d(store.peek(`${stem.conv.key}.weight`).values, hwio(stem.conv)));
	const program: Program = {
		stem: compileConv(store, stem),
		rawStem,
		stages: spec.stages.map((s) => ({ index: s.index, blocks: s.blocks.map((b) => compileBlock(store, b)) })),
		beforePool: units(spec.head.slice(0, spec.poolAt)).map((u) => compileConv(store, u)),
		afterPool: spec.head.slice(spec.poolAt).map((l) => compileDense(store, l)),
		classifier: compileDense(store, spec.classifier)
	};
	const untaken = store.untaken();
	if (untaken.length)
		throw new Error(`internal: mapped tensors not used by the network: ${untaken.join(', ')}`);
	return program;
}

function hwio(layer: Layer): [number, number, number, number] {
	const [o, i, h, w] = layer.weightShape;
	return [h, w, i, o];
}

function forward(
	program: Program,
	x: tf.Tensor4D,
	wanted: Set<string>,
	section: (name: string) => void = () => {}
): InferResult {
	const taps: Record<string, tf.Tensor4D> = {};
	const tapped = new Set<tf.Tensor>();
	const maps: PassMaps = {
		keep(name, t) {
			if (!wanted.has(name)) return;
			taps[name] = typeof t === 'function' ? t() : t;
			tapped.add(taps[name]);
		},
		release(...list) {
			for (const t of list) if (t !== x && !tapped.has(t)) t.dispose();
		}
	};
	if (wanted.has('conv_stem')) maps.keep('conv_stem', applyRawConv(x, program.rawStem, program.stem));
	let h = applyConv(x, program.stem);
	section('stem');
	for (const stage of program.stages) {
		for (const block of stage.blocks) {
			const next = runBlock(h, block, maps);
			maps.release(h);
			h = next;
			maps.keep(block.name, h);
		}
		maps.keep(`blocks.${stage.index}`, h);
		section(`blocks.${stage.index}`);
	}
	const features = chain(h, program.beforePool, maps);
	if (features !== h) maps.release(h);
	maps.keep('features', features);
	section('head');
	let v = globalAvgPool(features);
	maps.release(features);
	for (const op of [...program.afterPool, program.classifier]) {
		const next = applyDense(v, op);
		v.dispose();
		v = next;
	}
	const out: InferResult = { logits: tf.reshape(v, [v.shape[0], v.shape[3]]), taps };
	section('classifier');
	return out;
}

function checkInput(spec: NetSpec, input: tf.Tensor4D, taps: string[], known: Set<string>): void {
	if (input.rank !== 4 || input.shape[3] !== 3 || input.dtype !== 'float32') {
		throw new NetUsageError(
			`${spec.name}: input must be float32 NHWC [N, H, W, 3], got ${input.dtype} [${input.shape.join(', ')}]`
		);
	}
	const unknown = taps.filter((t) => !known.has(t));
	if (unknown.length) throw new NetUsageError(`${spec.name}: unknown taps ${unknown.join(', ')}`);
}

/**
 * Build a network from a resolved spec and a timm checkpoint (a parsed safetensors file, checked and
 * converted here, or weights already mapped by mapTimmWeights). Throws WeightMappingError for a
 * checkpoint that does not fit; allocates no tensor in that case.
 */
export function loadNetwork(spec: NetSpec, weights: SafetensorsFile | MappedWeights): Net {
	const mapped = weights instanceof Map ? weights : mapTimmWeights(spec, weights);
	const store = new WeightStore(mapped);
	let program: Program;
	try {
		program = compile(spec, store);
	} catch (e) {
		store.tensors.forEach((t) => t.dispose());
		throw e;
	}
	// Only the tfjs tensors live on: the checkpoint's arrays (tens of MB) are left to the garbage collector.
	return createNet(spec, program, { tensors: store.tensors, params: store.params });
}

function createNet(spec: NetSpec, program: Program, store: { tensors: tf.Tensor[]; params: number }): Net {
	const names = tapNames(spec);
	const known = new Set(names);
	let disposed = false;
	const alive = () => {
		if (disposed) throw new NetUsageError(`${spec.name}: network used after dispose()`);
	};
	const net: Net = {
		spec,
		paramCount: store.params,
		storedElements: store.tensors.reduce((n, t) => n + t.size, 0),
		tapNames: names,
		get disposed() {
			return disposed;
		},
		infer(input, options = {}) {
			alive();
			const taps = options.taps ?? [];
			checkInput(spec, input, taps, known);
			return tf.tidy(() => forward(program, input, new Set(taps), options.onSection));
		},
		async classify(input, k = 5) {
			alive();
			const probs = tf.tidy(() => tf.softmax(tf.slice(net.infer(input).logits, [0, 0], [1, -1])));
			const top = tf.topk(probs, Math.max(1, Math.min(Math.floor(k), spec.numClasses)));
			try {
				const [values, indices] = await Promise.all([top.values.data(), top.indices.data()]);
				return Array.from(indices, (index, i) => ({ index, probability: values[i] }));
			} finally {
				tf.dispose([probs, top.values, top.indices]);
			}
		},
		async warmup() {
			alive();
			const logits = tf.tidy(
				() => net.infer(tf.zeros([1, spec.resolution, spec.resolution, 3]) as tf.Tensor4D).logits
			);
			try {
				await logits.data();
			} finally {
				logits.dispose();
			}
		},
		dispose() {
			if (disposed) return;
			disposed = true;
			store.tensors.forEach((t) => t.dispose());
		}
	};
	return net;
}
