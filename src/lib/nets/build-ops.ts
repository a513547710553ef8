/**
 * tfjs building blocks of the networks: prepared (BN-folded, pre-transposed) ops and how to apply them
 * with timm semantics. Internal to build.ts.
 */
import * as tf from '@tensorflow/tfjs';
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

/** A 1x1 conv on a pooled 1x1 map, or a linear layer: kernel [in, out]. */
export interface DenseOp {
	key: string;
	kernel: tf.Tensor2D;
	bias: tf.Tensor1D;
	activation: Activation;
}

type FusedActivation = 'linear' | 'relu' | 'sigmoid';

/** Activations tfjs can fuse into conv/matMul; SiLU and the PyTorch hard-sigmoid are applied after. */
function fusable(activation: Activation): FusedActivation {
	return activation === 'relu' || activation === 'sigmoid' ? activation : 'linear';
}

function finishActivation<T extends tf.Tensor>(y: T, activation: Activation): T {
	if (activation === 'silu') return tf.mul(y, tf.sigmoid(y));
	if (activation === 'hardsigmoid') return tf.div(tf.relu6(tf.add(y, 3)), 6);
	return y;
}

/**
 * PyTorch-style symmetric zero padding. tfjs 'same' equals it only at stride 1 (odd kernels); at stride 2
 * it pads asymmetrically, so there we pad explicitly and use 'valid'.
 */
function padded(
	x: tf.Tensor4D,
	op: { kernel: number; stride: number; padding: number }
): [tf.Tensor4D, 'same' | 'valid'] {
	if (op.stride === 1 && 2 * op.padding === op.kernel - 1) return [x, 'same'];
	if (op.padding === 0) return [x, 'valid'];
	const p = op.padding;
	return [
		tf.pad(x, [
			[0, 0],
			[p, p],
			[p, p],
			[0, 0]
		]),
		'valid'
	];
}

export function applyConv(x: tf.Tensor4D, op: ConvOp): tf.Tensor4D {
	const [input, pad] = padded(x, op);
	const args = {
		x: input,
		filter: op.filter,
		strides: op.stride,
		pad,
		bias: op.bias ?? undefined,
		activation: fusable(op.activation)
	};
	const y = op.depthwise ? tf.fused.depthwiseConv2d(args) : tf.fused.conv2d(args);
	return finishActivation(y, op.activation);
}

/** The raw stem conv (no BN), for the 'conv_stem' tap. */
export function applyRawConv(
	x: tf.Tensor4D,
	filter: tf.Tensor4D,
	geometry: { kernel: number; stride: number; padding: number }
): tf.Tensor4D {
	const [input, pad] = padded(x, geometry);
	return tf.conv2d(input, filter, geometry.stride, pad);
}

export function applyDense(x: tf.Tensor2D, op: DenseOp): tf.Tensor2D {
	const y = tf.fused.matMul({
		a: x,
		b: op.kernel,
		bias: op.bias,
		activation: fusable(op.activation)
	}) as tf.Tensor2D;
	return finishActivation(y, op.activation);
}

/** Squeeze-and-excitation: x · gate(expand(act(reduce(mean_HW(x))))). */
export function applySe(x: tf.Tensor4D, reduce: DenseOp, expand: DenseOp): tf.Tensor4D {
	const pooled = tf.mean(x, [1, 2]) as tf.Tensor2D;
	const gate = applyDense(applyDense(pooled, reduce), expand);
	return tf.mul(x, tf.reshape(gate, [x.shape[0], 1, 1, x.shape[3]]));
}
