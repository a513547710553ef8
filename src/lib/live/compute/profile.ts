/**
 * Where a forward pass spends its time, against where its MACs are (the live "FLOPs are not latency"
 * figure). Sections: the stem, each stage ('blocks.<i>'), the convs before the pooling ('head') and
 * the pooling with everything after it ('classifier'). Op kinds: 1×1 convs, k×k convs, depthwise
 * convs, squeeze-and-excitation units (their pooling, two 1×1 convs, gate and scaling), element-wise
 * kernels (activations such as SiLU = x·sigmoid(x), residual adds), concat and slicing (Ghost
 * modules; on wasm the last one of a bottleneck also adds its shortcut), the global pooling, and the
 * classifier. MACs (conv and linear layers) come from the cost model; times from tf.profile.
 */
import { cost, type Layer, type NetSpec } from '$lib/nets';
import type { Net, Tf } from '$lib/nets/tf';

export const OP_KINDS = [
	'conv-1x1',
	'conv-kxk',
	'depthwise',
	'se',
	'elementwise',
	'concat',
	'pool',
	'classifier',
	'other'
] as const;
export type OpKind = (typeof OP_KINDS)[number];

/** The network's sections in execution order ('head' only where convs run before the pooling). */
export function sections(spec: NetSpec): string[] {
	const head = spec.poolAt > 0 ? ['head'] : [];
	return ['stem', ...spec.stages.map((s) => `blocks.${s.index}`), ...head, 'classifier'];
}

function layerSection(spec: NetSpec, layer: Layer): string {
	if (spec.stem.includes(layer)) return 'stem';
	if (layer.block) return `blocks.${layer.block.split('.')[1]}`;
	const beforePool = spec.head.slice(0, spec.poolAt);
	return beforePool.includes(layer) ? 'head' : 'classifier';
}

function layerKind(spec: NetSpec, layer: Layer): OpKind {
	if (layer.op === 'linear' || layerSection(spec, layer) === 'classifier') return 'classifier';
	if (layer.op === 'depthwise') return 'depthwise';
	if (layer.role === 'se') return 'se';
	return layer.kernel > 1 ? 'conv-kxk' : 'conv-1x1';
}

export interface Share {
	key: string;
	macs: number;
	ms: number;
}

/** MACs per section and per op kind, from the cost model (element-wise kernels, concat and pooling: 0). */
export function macShares(spec: NetSpec): { sections: Map<string, number>; kinds: Map<OpKind, number> } {
	const byKey = new Map(cost(spec).layers.map((l) => [l.key, l.macs]));
	const bySection = new Map(sections(spec).map((s) => [s, 0]));
	const byKind = new Map(OP_KINDS.map((k) => [k, 0]));
	for (const layer of spec.layers) {
		const macs = byKey.get(layer.key) ?? 0;
		const section = layerSection(spec, layer);
		bySection.set(section, (bySection.get(section) ?? 0) + macs);
		const kind = layerKind(spec, layer);
		byKind.set(kind, (byKind.get(kind) ?? 0) + macs);
	}
	return { sections: bySection, kinds: byKind };
}

export interface KernelRecord {
	name: string;
	inputShapes: number[][];
	/** The section that issued the kernel (see `sections`). */
	section: string;
}

const POOL_KERNELS = new Set(['AvgPool', 'Mean']);
const CONV_KERNELS = new Set(['FusedConv2D', 'Conv2D']);
const DEPTHWISE_KERNELS = new Set(['FusedDepthwiseConv2D', 'DepthwiseConv2dNative']);
const CONCAT_KERNELS = new Set(['Concat', 'EgnConcatChannels', 'EgnConcatChannelsAdd', 'Slice']);
const ELEMENTWISE_KERNELS = new Set([
	// SiLU in one pass on wasm (WASM_SILU of nets/build-ops.ts); elsewhere Sigmoid and Multiply.
	'EgnSilu',
	'Sigmoid',
	'Multiply',
	'Add',
	'AddV2',
	'Relu',
	'Relu6',
	'ClipByValue',
	'Maximum',
	'Minimum',
	'Sub',
	'RealDiv'
]);

/**
 * Each kernel's op kind, from its name, its input shapes (tfjs NHWC; filters [kh, kw, in, out]) and
 * its place: inside the blocks, a pooling kernel starts a squeeze-and-excitation unit, which runs
 * until its gate multiplies the map (the pooling, two 1×1 convs with their activations, the gate and
 * the multiply: all 'se', whatever the map's size). After the head, the global pooling is 'pool' and the rest
 * 'classifier'.
 */
export function classifyKernels(kernels: readonly KernelRecord[]): OpKind[] {
	// Inside an SE unit: how many of its two convs have run (null: not in one).
	let seConvs: number | null = null;
	return kernels.map(({ name, inputShapes, section }) => {
		if (section === 'classifier') return POOL_KERNELS.has(name) ? 'pool' : 'classifier';
		if (POOL_KERNELS.has(name)) seConvs = 0;
		if (seConvs !== null) {
			if (CONV_KERNELS.has(name)) seConvs++;
			// The reduce conv's own SiLU may have a multiply too; the gate's comes after the second conv.
			else if (name === 'Multiply' && seConvs === 2) seConvs = null;
			return 'se';
		}
		if (CONV_KERNELS.has(name)) {
			const filter = inputShapes[1];
			return filter && filter[0] * filter[1] > 1 ? 'conv-kxk' : 'conv-1x1';
		}
		if (DEPTHWISE_KERNELS.has(name)) return 'depthwise';
		if (CONCAT_KERNELS.has(name)) return 'concat';
		if (ELEMENTWISE_KERNELS.has(name)) return 'elementwise';
		return 'other';
	});
}

export interface NetworkProfile {
	backend: string;
	runs: number;
	/**
	 * Wall time of an ordinary pass (input on the backend to logits read): the median and the
	 * interquartile range of `3 × runs` passes.
	 */
	wallMs: number;
	wallMsRange: [number, number];
	/**
	 * Whether the backend timed each kernel (WebGL needs the GPU timer-query extension, which software
	 * renderers and some browsers lack); when false, every kernel time below is 0.
	 */
	timed: boolean;
	/** Sum of the kernels' median times. */
	kernelMs: number;
	kernels: number;
	sections: Share[];
	kinds: Share[];
}

/** The q-quantile (nearest rank) of xs. */
const quantile = (xs: number[], q: number) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? 0;
const median = (xs: number[]) => quantile(xs, 0.5);

type Input = Parameters<Net['infer']>[0];

/** One profiled pass: each kernel's time (NaN where the backend gave none) and its section. */
async function profiledPass(tf: Tf, net: Net, input: Input) {
	const marks: { section: string; at: number }[] = [];
	const state = tf.engine().state as unknown as { activeProfile: { kernels: unknown[] } };
	const info = await tf.profile(() => {
		const onSection = (section: string) => marks.push({ section, at: state.activeProfile.kernels.length });
		return net.infer(input, { onSection }).logits;
	});
	tf.dispose(info.result as never);
	const sectionAt = (i: number) => marks.find((m) => i < m.at)?.section ?? 'classifier';
	return info.kernels
		.map((k, i) => ({ k, i }))
		.filter(({ k }) => !k.name.endsWith('__op'))
		.map(({ k, i }) => ({
			name: k.name,
			inputShapes: k.inputShapes as number[][],
			section: sectionAt(i),
			ms: typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : NaN
		}));
}

/** One ordinary pass to the logits on the host, wall time (the profiler's bookkeeping left out). */
async function timedPass(net: Net, input: Input): Promise<number> {
	const start = performance.now();
	const { logits } = net.infer(input);
	try {
		await logits.data();
		return performance.now() - start;
	} finally {
		logits.dispose();
	}
}

/**
 * Profiles `runs` passes of `net` (after one untimed pass) on tfjs's current backend and sums each
 * kernel's median time per section and per op kind; times `3 × runs` ordinary passes for the time
 * per pass. Leaves the tensor count where it was.
 */
export async function profileNetwork(tf: Tf, net: Net, runs = 7): Promise<NetworkProfile> {
	const size = net.spec.resolution;
	// The kernels' times do not depend on the pixel values, so a blank input stands for any image.
	const input = tf.zeros([1, size, size, 3]) as Input;
	try {
		await timedPass(net, input);
		const passes: Awaited<ReturnType<typeof profiledPass>>[] = [];
		for (let i = 0; i < runs; i++) passes.push(await profiledPass(tf, net, input));
		const walls: number[] = [];
		for (let i = 0; i < 3 * runs; i++) walls.push(await timedPass(net, input));
		const first = passes[0];
		// Without a kernel timer (WebGL lacking the timer-query extension), tfjs times each kernel by
		// reading its output back, which measures the read-back: no kernel times then.
		const timer = (tf.engine().backend as { timerAvailable?: () => boolean }).timerAvailable?.() ?? true;
		const timed = timer && first.length > 0 && first.every((k) => Number.isFinite(k.ms));
		const times = first.map((_, i) => (timed ? median(passes.map((p) => p[i]?.ms ?? 0)) : 0));
		const { sections: macsBySection, kinds: macsByKind } = macShares(net.spec);
		const sectionMs = new Map(sections(net.spec).map((s) => [s, 0]));
		const kindMs = new Map(OP_KINDS.map((k) => [k, 0]));
		const kinds = classifyKernels(first);
		first.forEach((k, i) => {
			sectionMs.set(k.section, (sectionMs.get(k.section) ?? 0) + times[i]);
			kindMs.set(kinds[i], (kindMs.get(kinds[i]) ?? 0) + times[i]);
		});
		return {
			backend: tf.getBackend(),
			runs,
			timed,
			wallMs: median(walls),
			wallMsRange: [quantile(walls, 0.25), quantile(walls, 0.75)],
			kernelMs: times.reduce((a, b) => a + b, 0),
			kernels: first.length,
			sections: [...sectionMs].map(([key, ms]) => ({ key, ms, macs: macsBySection.get(key) ?? 0 })),
			kinds: [...kindMs].map(([key, ms]) => ({ key, ms, macs: macsByKind.get(key) ?? 0 }))
		};
	} finally {
		input.dispose();
	}
}
