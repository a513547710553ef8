import { convOutputSize, symmetricPadding } from './rounding';
import type { Activation, Layer, LayerRole, Shape } from './types';

/** Where a layer sits: its block name (or null) and its role. */
export interface LayerPlace {
	block: string | null;
	role: LayerRole;
}

export interface ConvOptions {
	kernel: number;
	stride?: number;
	/** 'depthwise' sets groups = input channels; outChannels may be a multiple of them. */
	depthwise?: boolean;
	bias?: boolean;
	activation?: Activation;
}

export function convLayer(
	key: string,
	place: LayerPlace,
	input: Shape,
	outChannels: number,
	options: ConvOptions
): Layer {
	const stride = options.stride ?? 1;
	const padding = symmetricPadding(options.kernel, stride);
	const [h, w, inChannels] = input;
	const groups = options.depthwise ? inChannels : 1;
	return {
		key,
		...place,
		op: options.depthwise ? 'depthwise' : 'conv',
		inChannels,
		outChannels,
		kernel: options.kernel,
		stride,
		padding,
		groups,
		bias: options.bias ?? false,
		input,
		output: [
			convOutputSize(h, options.kernel, stride, padding),
			convOutputSize(w, options.kernel, stride, padding),
			outChannels
		],
		activation: options.activation ?? 'none',
		weightShape: [outChannels, inChannels / groups, options.kernel, options.kernel]
	};
}

export function bnLayer(key: string, place: LayerPlace, input: Shape, activation: Activation): Layer {
	const channels = input[2];
	return {
		key,
		...place,
		op: 'bn',
		inChannels: channels,
		outChannels: channels,
		kernel: 1,
		stride: 1,
		padding: 0,
		groups: channels,
		bias: true,
		input,
		output: input,
		activation,
		weightShape: [channels]
	};
}

export function linearLayer(key: string, place: LayerPlace, inFeatures: number, outFeatures: number): Layer {
	return {
		key,
		...place,
		op: 'linear',
		inChannels: inFeatures,
		outChannels: outFeatures,
		kernel: 1,
		stride: 1,
		padding: 0,
		groups: 1,
		bias: true,
		input: [1, 1, inFeatures],
		output: [1, 1, outFeatures],
		activation: 'none',
		weightShape: [outFeatures, inFeatures]
	};
}

/** A conv followed by its BatchNorm (+ activation), the pattern of almost every timm layer here. */
export function convBn(
	convKey: string,
	bnKey: string,
	place: LayerPlace,
	input: Shape,
	outChannels: number,
	options: ConvOptions
): Layer[] {
	const conv = convLayer(convKey, place, input, outChannels, { ...options, activation: 'none' });
	return [conv, bnLayer(bnKey, place, conv.output, options.activation ?? 'none')];
}

/** Squeeze-and-excitation: mean over H, W, then two 1x1 convs with bias on the pooled 1x1 map. */
export function seLayers(
	prefix: string,
	block: string,
	channels: number,
	reduced: number,
	act: Activation,
	gate: Activation
): Layer[] {
	const place: LayerPlace = { block, role: 'se' };
	const reduce = convLayer(`${prefix}.conv_reduce`, place, [1, 1, channels], reduced, {
		kernel: 1,
		bias: true,
		activation: act
	});
	const expand = convLayer(`${prefix}.conv_expand`, place, reduce.output, channels, {
		kernel: 1,
		bias: true,
		activation: gate
	});
	return [reduce, expand];
}

export function lastOutput(layers: Layer[]): Shape {
	return layers[layers.length - 1].output;
}
