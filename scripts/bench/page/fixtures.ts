/** The two benchmark networks, their fixture files and the ONNX peers, as served by scripts/bench/server.js. */
import { efficientnet } from '$lib/nets/spec/efficientnet';
import { ghostnet } from '$lib/nets/spec/ghostnet';
import type { NetSpec } from '$lib/nets/spec/types';
import { readSafetensors, type SafetensorsFile } from '$lib/nets/weights/safetensors';

export type NetName = 'efficientnet_b0' | 'ghostnet_100';
export const NETS: readonly NetName[] = ['efficientnet_b0', 'ghostnet_100'];

export function specOf(name: NetName): NetSpec {
	return name === 'efficientnet_b0' ? efficientnet({ variant: 'b0' }) : ghostnet({ width: 1 });
}

export interface Fixture {
	name: NetName;
	weights: Uint8Array;
	onnx: Uint8Array;
	/** Fixture input, NCHW as stored and NHWC for tfjs. */
	inputNchw: Float32Array;
	inputNhwc: Float32Array;
	resolution: number;
	logits: Float32Array;
}

async function bytes(url: string): Promise<Uint8Array> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
}

function floats(file: SafetensorsFile, key: string): { shape: number[]; values: Float32Array } {
	const t = file.tensors.get(key);
	if (!t || !(t.values instanceof Float32Array)) throw new Error(`io file: no float tensor ${key}`);
	return { shape: t.shape, values: t.values };
}

export function nchwToNhwc(values: Float32Array, [n, c, h, w]: number[]): Float32Array {
	const out = new Float32Array(values.length);
	for (let b = 0; b < n; b++)
		for (let ch = 0; ch < c; ch++)
			for (let y = 0; y < h; y++)
				for (let x = 0; x < w; x++)
					out[((b * h + y) * w + x) * c + ch] = values[((b * c + ch) * h + y) * w + x];
	return out;
}

/** Just the checkpoint of a network. */
export function loadWeights(name: NetName): Promise<Uint8Array> {
	return bytes(`/fixtures/${name}.weights.safetensors`);
}

/** Fetches (outside any timing) the weights, the reference input/logits and the ONNX file of a network. */
export async function loadFixture(name: NetName): Promise<Fixture> {
	const [weights, io, onnx] = await Promise.all([
		bytes(`/fixtures/${name}.weights.safetensors`),
		bytes(`/fixtures/${name}.io.safetensors`),
		bytes(`/peers/${name}.onnx`)
	]);
	const file = readSafetensors(io);
	const input = floats(file, 'input');
	return {
		name,
		weights,
		onnx,
		inputNchw: input.values,
		inputNhwc: nchwToNhwc(input.values, input.shape),
		resolution: input.shape[2],
		logits: floats(file, 'logits').values
	};
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
	if (a.length !== b.length) return Infinity;
	let max = 0;
	for (let i = 0; i < a.length; i++) {
		const d = Math.abs(a[i] - b[i]);
		if (!(d <= max)) max = Number.isNaN(d) ? Infinity : d;
	}
	return max;
}

/** The site's sample photos, as encoded files (what a reader picks). */
export async function sampleImages(): Promise<Blob[]> {
	const manifest = (await (await fetch('/samples/samples.json')).json()) as { samples: { file: string }[] };
	return Promise.all(manifest.samples.map(async (s) => (await fetch(`/samples/${s.file}`)).blob()));
}
