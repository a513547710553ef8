/** Our networks on tfjs: backend start (wasm with a thread count, or webgl), build, one timed inference. */
import * as tf from '@tensorflow/tfjs-core';
import { loadNetwork as loadBaselineNetwork } from '$baseline/build';
import { loadNetwork, type Net } from '$lib/nets/build';
import { tfBackendHost, type BackendName } from '$lib/nets/runtime';
import { readSafetensors } from '$lib/nets/weights/safetensors';
import { specOf, type Fixture } from './fixtures';

export interface BackendReport {
	backend: string;
	threads: number | null;
	simd: boolean | null;
	crossOriginIsolated: boolean;
	webglFloat32: boolean | null;
}

/**
 * Starts tfjs on `backend` through the site's runtime (which self-hosts the wasm binaries and lifts
 * tfjs-backend-wasm's cap of hardwareConcurrency / 2 threads). `threads` (the real count) comes back
 * in the report.
 */
export async function startBackend(backend: BackendName, threads: number): Promise<BackendReport> {
	const host = tfBackendHost(tf, { wasmThreads: threads });
	if (!(await host.activate(backend))) throw new Error(`tfjs backend ${backend} did not start`);
	const wasm = backend === 'wasm' ? await host.wasmFeatures() : null;
	return {
		backend: tf.getBackend(),
		threads: wasm?.threads ?? null,
		simd: wasm?.simd ?? null,
		crossOriginIsolated: globalThis.crossOriginIsolated === true,
		webglFloat32: backend === 'webgl' ? Boolean(tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) : null
	};
}

export function buildNet(fixture: Fixture): Net {
	return loadNetwork(specOf(fixture.name), readSafetensors(fixture.weights));
}

/** The same network built by src/lib/nets of the baseline commit (BENCH_BASELINE), for before/after. */
export function buildBaselineNet(fixture: Fixture): Net {
	return loadBaselineNetwork(specOf(fixture.name), readSafetensors(fixture.weights));
}

/** Input upload + forward pass + logits download: what one classification costs, minus preprocessing. */
export async function runOurs(net: Net, fixture: Fixture): Promise<Float32Array> {
	const r = fixture.resolution;
	const x = tf.tensor4d(fixture.inputNhwc, [1, r, r, 3]);
	const { logits } = net.infer(x);
	try {
		return (await logits.data()) as Float32Array;
	} finally {
		tf.dispose([x, logits]);
	}
}

export function tensorCount(): number {
	return tf.memory().numTensors;
}

export interface KernelRow {
	name: string;
	calls: number;
	ms: number;
}

export interface ProfileReport {
	runs: number;
	/** Wall time of a profiled forward pass (profiling adds a little overhead), median of the runs. */
	wallMs: number;
	/** Sum of the kernels' median times. */
	kernelMs: number;
	kernels: number;
	/** Per kernel name: calls per pass and the sum of their median times, slowest first. */
	byKernel: KernelRow[];
	/** The slowest single kernels (name and shapes), median over the runs. */
	slowest: { name: string; input: string; output: string; ms: number }[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Per-kernel timing of our forward pass with tf.profile (wasm kernels are synchronous, so each time is
 * the kernel's own). Medians over `runs` passes, because other processes share the cores.
 * Op-level entries ('…__op') wrap the kernels and are left out so that nothing counts twice.
 */
export async function profileOurs(net: Net, fixture: Fixture, runs = 9): Promise<ProfileReport> {
	const r = fixture.resolution;
	const x = tf.tensor4d(fixture.inputNhwc, [1, r, r, 3]);
	const walls: number[] = [];
	let kernels: { name: string; input: string; output: string; times: number[] }[] = [];
	try {
		for (let i = 0; i < runs; i++) {
			const t0 = performance.now();
			const info = await tf.profile(() => net.infer(x).logits);
			walls.push(performance.now() - t0);
			tf.dispose(info.result as tf.Tensor);
			const list = info.kernels.filter((k) => !k.name.endsWith('__op'));
			if (i === 0)
				kernels = list.map((k) => ({
					name: k.name,
					input: JSON.stringify(k.inputShapes),
					output: JSON.stringify(k.outputShapes),
					times: []
				}));
			list.forEach((k, index) => kernels[index]?.times.push(Number(k.kernelTimeMs) || 0));
		}
	} finally {
		x.dispose();
	}
	const rows = kernels.map((k) => ({ name: k.name, input: k.input, output: k.output, ms: median(k.times) }));
	const byName = new Map<string, KernelRow>();
	for (const row of rows) {
		const entry = byName.get(row.name) ?? { name: row.name, calls: 0, ms: 0 };
		entry.calls++;
		entry.ms += row.ms;
		byName.set(row.name, entry);
	}
	return {
		runs,
		wallMs: median(walls),
		kernelMs: rows.reduce((n, row) => n + row.ms, 0),
		kernels: rows.length,
		byKernel: [...byName.values()].sort((a, b) => b.ms - a.ms),
		slowest: [...rows].sort((a, b) => b.ms - a.ms).slice(0, 25)
	};
}
