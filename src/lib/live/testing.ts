/**
 * Test doubles for the live runtime (imported by tests only):
 * - `fakeRuntime`: a RuntimeClient that records its requests and answers with canned results (the
 *   classifier's state and component tests, the session's tests);
 * - `fakeSession`: a NetworkSession over it;
 * - `localSession`: a NetworkSession over the real host on this thread (CPU backend), serving synthetic
 *   checkpoints of the bundled models' specs through a stubbed fetch (the live figures' tests);
 * - `syntheticCheckpoint` / `syntheticNet`: deterministic weights of any spec.
 */
import { vi } from 'vitest';
import {
	timmStateDict,
	writeSafetensors,
	type BackendInfo,
	type BackendName,
	type NetSpec,
	type SafetensorsFile,
	type TensorEntry
} from '$lib/nets';
import { loadNetwork, type Net } from '$lib/nets/tf';
import { mainThreadRuntime, type RequestOptions, type RuntimeClient } from './client';
import { parseFmnistManifest } from './models';
import type { BackendState, Classification, HostEvent, Memory, Request } from './protocol';
import { NetworkSession, type SessionDeps } from './session.svelte';

export const backendInfo = (active: BackendName, requested = active): BackendInfo => ({
	requested,
	active,
	fallbacks: []
});

export const backendState = (active: BackendName, choice: BackendName | null = null): BackendState => ({
	thread: 'worker',
	info: backendInfo(active),
	choice,
	gpu: choice === null ? { phase: 'waiting' } : { phase: 'not-needed' }
});

export type LoadRequest = Extract<Request, { type: 'load' }>;
export type Loader = (request: LoadRequest, options: RequestOptions) => Promise<void>;

export interface FakeRuntimeOptions {
	cached?: boolean;
	/** Runs for every load request before it succeeds (throw to fail it). */
	loader?: Loader;
}

/** Networks answer class `index` = position in the request + 1, with 3 ms latency per position. */
function cannedClassification(modelIds: string[]): Classification {
	return {
		runs: modelIds.map((modelId, i) => ({
			modelId,
			top: [
				{ index: i + 1, probability: 0.9 },
				{ index: 0, probability: 0.05 }
			],
			medianMs: 3 * (i + 1),
			samplesMs: [3 * (i + 1)]
		})),
		preview: { pixels: new Uint8Array(3), size: 1 },
		backend: 'cpu'
	};
}

export function fakeRuntime(options: FakeRuntimeOptions = {}) {
	const loaded = new Set<string>();
	const requests: Request[] = [];
	const events = new Set<(event: HostEvent) => void>();
	const memories = new Set<(memory: Memory) => void>();
	const memory = (): Memory => ({ numTensors: loaded.size * 100, numBytes: 0 });
	const handlers = {
		start: vi.fn(async (r: Extract<Request, { type: 'start' }>) =>
			backendState(r.settings.choice ?? 'wasm', r.settings.choice)
		),
		'set-backend': vi.fn(async (r: Extract<Request, { type: 'set-backend' }>) =>
			backendState(r.choice ?? 'wasm', r.choice)
		),
		load: vi.fn(async (r: LoadRequest, opts: RequestOptions) => {
			await options.loader?.(r, opts);
			loaded.add(r.modelId);
			const url = r.source.kind === 'url' ? r.source.url : null;
			const fileName = r.source.kind === 'file' ? (r.source.name ?? null) : null;
			return { byteLength: 1234, cache: options.cached ? 'hit' : 'stored', url, fileName };
		}),
		unload: vi.fn(async (r: Extract<Request, { type: 'unload' }>) => void loaded.delete(r.modelId)),
		classify: vi.fn(async (r: Extract<Request, { type: 'classify' }>) => {
			for (const id of r.modelIds) if (!loaded.has(id)) throw new Error(`network ${id} is not loaded`);
			return cannedClassification(r.modelIds);
		})
	};
	const client: RuntimeClient = {
		thread: 'worker',
		async request(request, opts = {}) {
			requests.push(request);
			const handler = handlers[request.type as keyof typeof handlers] as
				((r: Request, o: RequestOptions) => Promise<unknown>) | undefined;
			if (!handler) throw new Error(`the fake runtime does not answer ${request.type}`);
			try {
				return (await handler(request, opts)) as never;
			} finally {
				memories.forEach((listener) => listener(memory()));
			}
		},
		onEvent(listener) {
			events.add(listener);
			return () => events.delete(listener);
		},
		onMemory(listener) {
			memories.add(listener);
			return () => memories.delete(listener);
		},
		terminate() {}
	};
	const emit = (state: BackendState) =>
		events.forEach((l) => l({ type: 'backend', state, memory: memory() }));
	return { client, handlers, loaded, requests, emit };
}

export const fmnistManifest = {
	models: ['ghostnet', 'efficientnet'].map((family) => ({
		id: `fmnist-${family}`,
		file: `fmnist-${family}.safetensors`,
		bytes: 1000,
		family,
		spec:
			family === 'ghostnet'
				? { width: 0.5, numClasses: 10, resolution: 32 }
				: { width: 0.5, depth: 1, numClasses: 10, resolution: 32 },
		testAccuracy: 0.9,
		testImages: 10000,
		preprocessing: { resolution: 32, cropPct: 1, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] }
	}))
};

export interface FakeSessionOptions extends FakeRuntimeOptions {
	manifest?: unknown;
}

/** A session over the fake runtime. */
export function fakeSession(options: FakeSessionOptions = {}) {
	const runtime = fakeRuntime(options);
	const deps: SessionDeps = {
		connect: async () => runtime.client,
		isCached: async () => options.cached ?? false,
		fetchJson: async () => options.manifest ?? fmnistManifest,
		hubBase: () => 'http://hub.test',
		staticBase: '/weights'
	};
	return { session: new NetworkSession(deps), ...runtime };
}

/** A checkpoint with the spec's exact keys and shapes and deterministic pseudo-random values. */
export function syntheticCheckpoint(spec: NetSpec, seed = 1): SafetensorsFile {
	let state = seed;
	const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
	const tensors = new Map<string, TensorEntry>();
	for (const e of timmStateDict(spec)) {
		const n = e.shape.reduce((a, b) => a * b, 1);
		const values = Float32Array.from({ length: n }, () =>
			e.param === 'running_var' ? 1 + 0.5 * random() : 0.3 * random()
		);
		tensors.set(e.key, { name: e.key, dtype: 'F32', shape: e.shape, values });
	}
	return { metadata: {}, tensors };
}

export function syntheticNet(spec: NetSpec, seed = 1): Net {
	return loadNetwork(spec, syntheticCheckpoint(spec, seed));
}

/**
 * A session over the real host on this thread, on the CPU backend (the reader's saved choice), whose
 * fetch serves the bundled models' manifest, synthetic checkpoints for their specs, and a one-sample
 * list with its image. Images are read by whatever `readPixels` the test provides (jsdom decodes none).
 */
export function localSession(): NetworkSession {
	localStorage.setItem('egn.backend.v1', 'cpu');
	const set = parseFmnistManifest(fmnistManifest);
	const files = new Map(
		set.models.map((m) => {
			const bytes = writeSafetensors([...syntheticCheckpoint(m.spec).tensors.values()]);
			return [`/weights/${m.weights.kind === 'bundled' ? m.weights.file : ''}`, bytes];
		})
	);
	vi.stubGlobal(
		'fetch',
		vi.fn(async (url: string) => {
			const bytes = files.get(url);
			if (bytes) return new Response(bytes as Uint8Array<ArrayBuffer>);
			if (url.endsWith('.json')) return Response.json({ samples: [{ id: 'first', file: 'first.png' }] });
			return new Response(new Blob([new Uint8Array(4)]));
		})
	);
	return new NetworkSession({
		connect: mainThreadRuntime,
		isCached: async () => false,
		fetchJson: async () => fmnistManifest,
		hubBase: () => 'http://hub.test',
		staticBase: '/weights'
	});
}
