/**
 * tfjs building blocks of the networks: prepared (BN-folded, pre-transposed) ops and how to apply them
 * with timm semantics. Internal to build.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { concatChannelsInto } from './channel-concat';
import { concatKernel } from './kernels/concat';
import { siluKernel, type SiluKernel } from './kernels/silu';
import type { Activation } from './spec/types';

export interface ConvOp {
	key: string;
	depthwise: boolean;
	/** HWIO (conv) or HWCM (depthwise), BN already folded in. */
	filter: tf.Tensor4D;
	bias: tf.Tensor1D | null;
	kernel: number;
	stride: number;
	padding: number;
	activation: Activation;
}

/**
 * A 1x1 conv on the pooled [N, 1, 1, C] map (SE units, GhostNet's conv_head) or a linear layer, run as a
 * 1x1 conv on that map too, so that no reshape sits between pooling, SE and classifier: filter [1, 1, in, out].
 */
export interface DenseOp {
	key: string;
	filter: tf.Tensor4D;
	bias: tf.Tensor1D;
	/** 'hardsigmoid': the filter and bias hold W / 6 and (b + 3) / 6 (see hardSigmoidWeights). */
	activation: Activation;
}

/**
 * relu6(Wx + b + 3) / 6 = clip((W / 6)x + (b + 3) / 6, 0, 1): with the weights scaled at load time the
 * PyTorch hard-sigmoid of a DenseOp is a single clip instead of add, relu6 and divide.
 */
export function hardSigmoidWeights(weight: Float32Array, bias: Float32Array) {
	return { weight: weight.map((w) => w / 6), bias: bias.map((b) => (b + 3) / 6) };
}

/**
 * Runs a tfjs kernel directly. The op wrappers (tf.fused.conv2d, tf.add, tf.avgPool, …) convert and
 * re-check their inputs and set up gradients on every call: on wasm that measured 5–20 µs per op, as
 * long as many of GhostNet's ~170 kernels take. The kernels and their attributes are the ones the ops
 * pass, so results are identical; tensors made here are tracked by tf.tidy like any op's.
 */
function runKernel<T extends tf.Tensor>(
	name: string,
	inputs: Record<string, tf.Tensor | undefined> | tf.Tensor[],
	attrs: Record<string, unknown> = {}
): T {
	return tf.engine().runKernel(name, inputs as tf.NamedTensorMap, attrs as tf.NamedAttrMap) as T;
}

export function add<T extends tf.Tensor>(a: T, b: tf.Tensor): T {
	return runKernel<T>('Add', { a, b });
}

export function mul<T extends tf.Tensor>(a: T, b: tf.Tensor): T {
	return runKernel<T>('Multiply', { a, b });
}

/** The backend's WebAssembly.Memory: exported by the plain build, created by the page in the threaded one. */
function wasmMemory(backend: BackendWasm): WebAssembly.Memory | null {
	const module = backend.wasm as unknown as {
		wasmMemory?: WebAssembly.Memory;
		asm?: { memory?: WebAssembly.Memory };
	};
	const memory = module.wasmMemory ?? module.asm?.memory;
	return memory instanceof WebAssembly.Memory ? memory : null;
}

/** Where a tensor's data starts in the wasm backend's memory (bytes). */
const byteOffset = (backend: BackendWasm, t: tf.TensorInfo) => backend.dataIdMap.get(t.dataId)!.memoryOffset;

/**
 * A wasm kernel for the channel concat of two float32 NHWC maps: the SIMD copy of kernels/concat.wat,
 * or channel-concat.ts in JavaScript where the browser has no wasm SIMD.
 */
export const WASM_CONCAT_CHANNELS = 'EgnConcatChannels';

function concatChannelsWasm({ inputs, backend }: { inputs: tf.TensorInfo[]; backend: BackendWasm }) {
	const [a, b] = inputs;
	const [n, h, w, ca] = a.shape;
	const cb = b.shape[3];
	const out = backend.makeOutput([n, h, w, ca + cb], 'float32');
	const layout = {
		aByte: byteOffset(backend, a),
		bByte: byteOffset(backend, b),
		outByte: byteOffset(backend, out),
		pixels: n * h * w,
		aChannels: ca,
		bChannels: cb
	};
	const memory = wasmMemory(backend);
	const simd = memory && concatKernel(memory);
	// After makeOutput: an allocation may have grown (and replaced) the heap's buffer.
	if (simd) simd(layout);
	else concatChannelsInto(backend.wasm.HEAPU8.buffer, layout);
	return out;
}

/** Registers one of our wasm kernels with tfjs, once. */
function ensureWasmKernel(kernelName: string, kernelFunc: unknown): void {
	if (tf.getKernel(kernelName, 'wasm')) return;
	tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc: kernelFunc as tf.KernelFunc });
}

/** The SIMD concat kernel on the active wasm backend's memory, or null (another backend, no wasm SIMD). */
function wasmConcatKernel() {
	if (tf.getBackend() !== 'wasm') return null;
	const memory = wasmMemory(tf.backend() as BackendWasm);
	return memory && concatKernel(memory);
}

/** concat(a, b) + residual in one pass over the maps (concat.wat's concat_add). */
export const WASM_CONCAT_CHANNELS_ADD = 'EgnConcatChannelsAdd';

function concatChannelsAddWasm({ inputs, backend }: { inputs: tf.TensorInfo[]; backend: BackendWasm }) {
	const [a, b, residual] = inputs;
	const out = backend.makeOutput(residual.shape, 'float32');
	concatKernel(wasmMemory(backend)!)!(
		{
			aByte: byteOffset(backend, a),
			bByte: byteOffset(backend, b),
			outByte: byteOffset(backend, out),
			pixels: tf.util.sizeFromShape(a.shape.slice(0, 3)),
			aChannels: a.shape[3],
			bChannels: b.shape[3]
		},
		byteOffset(backend, residual)
	);
	return out;
}

/**
 * concat(a, b) + residual along the channels of NHWC maps (a Ghost module's output joining its
 * block's shortcut): one wasm kernel where it can run, else a concat and tfjs's Add.
 */
export function concatChannelsAdd(a: tf.Tensor4D, b: tf.Tensor4D, residual: tf.Tensor4D): tf.Tensor4D {
	const floats = [a, b, residual].every((t) => t.dtype === 'float32');
	const fits =
		residual.shape.slice(0, 3).every((d, i) => d === a.shape[i] && d === b.shape[i]) &&
		residual.shape[3] === a.shape[3] + b.shape[3];
	if (floats && fits && wasmConcatKernel()) {
		ensureWasmKernel(WASM_CONCAT_CHANNELS_ADD, concatChannelsAddWasm);
		return runKernel<tf.Tensor4D>(WASM_CONCAT_CHANNELS_ADD, [a, b, residual]);
	}
	const joined = concatChannels([a, b]);
	const out = add(joined, residual);
	joined.dispose();
	return out;
}

/** Concatenation along the channel axis of NHWC maps. */
export function concatChannels(maps: tf.Tensor4D[]): tf.Tensor4D {
	const [a, b] = maps;
	const pair = maps.length === 2 && a.dtype === 'float32' && b.dtype === 'float32';
	const sameGrid = pair && a.shape.slice(0, 3).every((d, i) => d === b.shape[i]);
	if (sameGrid && tf.getBackend() === 'wasm') {
		ensureWasmKernel(WASM_CONCAT_CHANNELS, concatChannelsWasm);
		return runKernel<tf.Tensor4D>(WASM_CONCAT_CHANNELS, maps);
	}
	return runKernel<tf.Tensor4D>('Concat', maps, { axis: 3 });
}

/** A wasm kernel for SiLU in one pass (see kernels/silu.wat). */
export const WASM_SILU = 'EgnSilu';

function siluOn(backend: BackendWasm): SiluKernel | null {
	const memory = wasmMemory(backend);
	return memory ? siluKernel(memory) : null;
}

function siluWasm({ inputs, backend }: { inputs: { x: tf.TensorInfo }; backend: BackendWasm }) {
	const { x } = inputs;
	const out = backend.makeOutput(x.shape, 'float32');
	siluOn(backend)!(byteOffset(backend, x), byteOffset(backend, out), tf.util.sizeFromShape(x.shape));
	return out;
}

/** True when the wasm backend is active and this browser runs the one-pass SiLU kernel there. */
function wasmSiluReady(): boolean {
	if (tf.getBackend() !== 'wasm' || !siluOn(tf.backend() as BackendWasm)) return false;
	ensureWasmKernel(WASM_SILU, siluWasm);
	return true;
}

/** SiLU, x·sigmoid(x): one wasm kernel where it can run, else tfjs's Sigmoid and Multiply. */
function silu<T extends tf.Tensor>(x: T): T {
	if (x.dtype === 'float32' && wasmSiluReady()) return runKernel<T>(WASM_SILU, { x });
	const sigmoid = runKernel<T>('Sigmoid', { x });
	const out = mul(x, sigmoid);
	sigmoid.dispose();
	return out;
}

type FusedActivation = 'linear' | 'relu' | 'sigmoid';

/** Activations tfjs can fuse into conv/matMul; SiLU and the PyTorch hard-sigmoid are applied after. */
function fusable(activation: Activation): FusedActivation {
	return activation === 'relu' || activation === 'sigmoid' ? activation : 'linear';
}

/**
 * The activation that tfjs could not fuse. Here and below, a map that no later op reads is disposed at
 * once (see build.ts: PassMaps).
 */
function finishActivation<T extends tf.Tensor>(y: T, activation: Activation): T {
	if (activation !== 'silu' && activation !== 'hardsigmoid') return y;
	const out = activation === 'silu' ? silu(y) : tf.tidy(() => tf.div<T>(tf.relu6(tf.add(y, 3)), 6));
	y.dispose();
	return out;
}

/**
 * PyTorch-style symmetric zero padding, inside the conv (no separate pad op). tfjs 'same' equals it only at
 * stride 1 (odd kernels); elsewhere a numeric pad p pads p on every side and rounds the output size down,
 * as PyTorch does.
 */
function padding(op: { kernel: number; stride: number; padding: number }): 'same' | 'valid' | number {
	if (op.stride === 1 && 2 * op.padding === op.kernel - 1) return 'same';
	return op.padding === 0 ? 'valid' : op.padding;
}

/** tf.fused.conv2d / depthwiseConv2d: NHWC, no dilation, bias and activation fused. */
function fusedConv(
	x: tf.Tensor4D,
	filter: tf.Tensor4D,
	bias: tf.Tensor1D | null,
	attrs: { depthwise: boolean; strides: number; pad: 'same' | 'valid' | number; activation: FusedActivation }
): tf.Tensor4D {
	const { depthwise, ...rest } = attrs;
	return runKernel<tf.Tensor4D>(
		depthwise ? 'FusedDepthwiseConv2D' : 'FusedConv2D',
		{ x, filter, bias: bias ?? undefined },
		{ ...rest, dataFormat: 'NHWC', dilations: 1, dimRoundingMode: undefined }
	);
}

export function applyConv(x: tf.Tensor4D, op: ConvOp): tf.Tensor4D {
	const y = fusedConv(x, op.filter, op.bias, {
		depthwise: op.depthwise,
		strides: op.stride,
		pad: padding(op),
		activation: fusable(op.activation)
	});
	return finishActivation(y, op.activation);
}

/** The raw stem conv (no BN), for the 'conv_stem' tap. */
export function applyRawConv(
	x: tf.Tensor4D,
	filter: tf.Tensor4D,
	geometry: { kernel: number; stride: number; padding: number }
): tf.Tensor4D {
	return tf.conv2d(x, filter, geometry.stride, padding(geometry));
}

/**
 * Global average pooling to [N, 1, 1, C]. On wasm, tf.mean over H and W first transposes the map (its
 * reduction kernel only reduces innermost axes); average pooling over the whole map is one XNNPACK op
 * and many times faster there. Other backends keep tf.mean.
 */
export function globalAvgPool(x: tf.Tensor4D): tf.Tensor4D {
	const [, h, w] = x.shape;
	if (tf.getBackend() === 'wasm')
		return runKernel('AvgPool', { x }, { filterSize: [h, w], strides: [h, w], pad: 'valid' });
	return tf.mean(x, [1, 2], true) as tf.Tensor4D;
}

/** A DenseOp on a pooled [N, 1, 1, C] map. */
export function applyDense(x: tf.Tensor4D, op: DenseOp): tf.Tensor4D {
	const y = fusedConv(x, op.filter, op.bias, {
		depthwise: false,
		strides: 1,
		pad: 'valid',
		activation: fusable(op.activation)
	});
	if (op.activation !== 'hardsigmoid') return finishActivation(y, op.activation);
	const gate = runKernel<tf.Tensor4D>('ClipByValue', { x: y }, { clipValueMin: 0, clipValueMax: 1 });
	y.dispose();
	return gate;
}

/** Squeeze-and-excitation: x · gate(expand(act(reduce(mean_HW(x))))), the gate broadcast over H and W. */
export function applySe(x: tf.Tensor4D, reduce: DenseOp, expand: DenseOp): tf.Tensor4D {
	const pooled = globalAvgPool(x);
	const reduced = applyDense(pooled, reduce);
	const gate = applyDense(reduced, expand);
	const out = mul(x, gate);
	tf.dispose([pooled, reduced, gate]);
	return out;
}
