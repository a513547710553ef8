/**
 * Three ways to convolve a C_in-channel map (pure): an ordinary k×k convolution, a depthwise k×k
 * convolution (groups = C_in, one filter per channel) and a depthwise-separable one (depthwise k×k, then a
 * pointwise 1×1). The layers are built with the spec's own `convLayer` and counted with the cost model's
 * `layerParams` / `layerMacs`, so these counts follow the same rules as every table of the site: weights
 * without biases (a BatchNorm follows each conv in both networks), MACs of the convs only, stride 1 with
 * 'same' padding, so the output map has the input's size.
 */
import { layerMacs, layerParams } from './cost';
import { convLayer } from './spec/layers';
import type { Layer } from './spec/types';

export type ConvKind = 'ordinary' | 'depthwise' | 'separable';
export const CONV_KINDS: readonly ConvKind[] = ['ordinary', 'depthwise', 'separable'];

export interface ConvSetting {
	inChannels: number;
	/** Output channels of the ordinary and separable convs; a depthwise conv keeps C_in channels. */
	outChannels: number;
	kernel: number;
	/** Height and width of the (square) input map, which is also the output's. */
	size: number;
}

export interface ConvCount {
	kind: ConvKind;
	/** The conv layers, in order (separable: the depthwise, then the pointwise). */
	layers: Layer[];
	outChannels: number;
	weights: number;
	/** Multiply-adds for one output pixel: all output channels at one position. */
	macsPerPixel: number;
	/** Multiply-adds over the whole output map. */
	macs: number;
}

const place = { block: null, role: 'conv' as const };

function layersOf(kind: ConvKind, s: ConvSetting): Layer[] {
	const input: Layer['input'] = [s.size, s.size, s.inChannels];
	if (kind === 'ordinary') return [convLayer('conv', place, input, s.outChannels, { kernel: s.kernel })];
	const depthwise = convLayer('conv_dw', place, input, s.inChannels, { kernel: s.kernel, depthwise: true });
	if (kind === 'depthwise') return [depthwise];
	return [depthwise, convLayer('conv_pw', place, depthwise.output, s.outChannels, { kernel: 1 })];
}

/** Weights and multiply-adds of one kind of convolution for a setting. */
export function convCount(kind: ConvKind, setting: ConvSetting): ConvCount {
	const layers = layersOf(kind, setting);
	const last = layers[layers.length - 1];
	const pixels = last.output[0] * last.output[1];
	const macs = layers.reduce((sum, layer) => sum + layerMacs(layer), 0);
	return {
		kind,
		layers,
		outChannels: last.outChannels,
		weights: layers.reduce((sum, layer) => sum + layerParams(layer), 0),
		macsPerPixel: macs / pixels,
		macs
	};
}

/** All three kinds for one setting, in CONV_KINDS order. */
export function compareConvolutions(setting: ConvSetting): ConvCount[] {
	return CONV_KINDS.map((kind) => convCount(kind, setting));
}

/**
 * The input channels that output channel `out` reads: every channel for an ordinary conv, its own for a
 * depthwise conv; a separable conv's output reads every channel, each through its own depthwise filter.
 */
export function channelsRead(kind: ConvKind, inChannels: number, out: number): number[] {
	if (kind === 'depthwise') return [out];
	return Array.from({ length: inChannels }, (_, i) => i);
}
