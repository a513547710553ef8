import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {
	BACKENDS,
	chooseWasmThreads,
	fallbackOrder,
	loadTf,
	probeWebgl,
	recoverFromContextLoss,
	reportedCoresFor,
	RuntimeError,
	selectBackend,
	tfBackendHost,
	watchContextLoss,
	withReportedCores,
	type BackendHost,
	type BackendName
} from './runtime';

/** A host whose backends start or fail as told, recording what was tried. */
function fakeHost(outcome: Partial<Record<BackendName, boolean | Error>>) {
	const tried: BackendName[] = [];
	const host: BackendHost = {
		async activate(name) {
			tried.push(name);
			const result = outcome[name] ?? true;
			if (result instanceof Error) throw result;
			return result;
		},
		async wasmFeatures() {
			return { simd: true, threads: 1, crossOriginIsolated: false };
		}
	};
	return { host, tried };
}

describe('fallback order', () => {
	it('tries the preferred backend first, then wasm and the CPU, never an unmeasured WebGL', () => {
		expect(BACKENDS).toEqual(['webgl', 'wasm', 'cpu']);
		expect(fallbackOrder('webgl')).toEqual(['webgl', 'wasm', 'cpu']);
		expect(fallbackOrder('wasm')).toEqual(['wasm', 'cpu']);
		expect(fallbackOrder('cpu')).toEqual(['cpu', 'wasm']);
	});
});

describe('selectBackend', () => {
	it('uses the preferred backend when it starts', async () => {
		const { host, tried } = fakeHost({});
		const info = await selectBackend('webgl', host);
		expect(info).toEqual({ requested: 'webgl', active: 'webgl', fallbacks: [] });
		expect(tried).toEqual(['webgl']);
	});

	it('falls back from missing WebGL to wasm with a reason, and reports wasm features', async () => {
		const { host, tried } = fakeHost({ webgl: false });
		const info = await selectBackend('webgl', host);
		expect(info.active).toBe('wasm');
		expect(info.fallbacks).toEqual([{ backend: 'webgl', reason: 'webgl-unavailable' }]);
		expect(info.wasm).toEqual({ simd: true, threads: 1, crossOriginIsolated: false });
		expect(tried).toEqual(['webgl', 'wasm']);
	});

	it('keeps the error message of a backend that throws, and reaches the CPU', async () => {
		const { host } = fakeHost({ webgl: new Error('no GL'), wasm: new Error('fetch failed') });
		const info = await selectBackend('webgl', host);
		expect(info.active).toBe('cpu');
		expect(info.fallbacks).toEqual([
			{ backend: 'webgl', reason: 'webgl-unavailable', detail: 'no GL' },
			{ backend: 'wasm', reason: 'wasm-unavailable', detail: 'fetch failed' }
		]);
	});

	it('falls back from a failing wasm to the CPU, not to WebGL', async () => {
		const { host, tried } = fakeHost({ wasm: false });
		const info = await selectBackend('wasm', host);
		expect(info).toEqual({
			requested: 'wasm',
			active: 'cpu',
			fallbacks: [{ backend: 'wasm', reason: 'wasm-unavailable' }]
		});
		expect(tried).toEqual(['wasm', 'cpu']);
	});

	it('throws a RuntimeError listing every failure when nothing starts', async () => {
		const { host } = fakeHost({ webgl: false, wasm: false, cpu: false });
		const error = await selectBackend('webgl', host).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(RuntimeError);
		expect((error as RuntimeError).code).toBe('no-backend');
		expect((error as RuntimeError).fallbacks.map((f) => f.reason)).toEqual([
			'webgl-unavailable',
			'wasm-unavailable',
			'cpu-unavailable'
		]);
	});

	it('skips WebGL after a context loss and says so', async () => {
		const { host, tried } = fakeHost({});
		const info = await recoverFromContextLoss('webgl', host);
		expect(tried).toEqual(['wasm']);
		expect(info.active).toBe('wasm');
		expect(info.fallbacks).toEqual([{ backend: 'webgl', reason: 'webgl-context-lost' }]);
	});

	it('does not report a lost WebGL when the reader asked for the CPU', async () => {
		const { host } = fakeHost({});
		const info = await recoverFromContextLoss('cpu', host);
		expect(info).toEqual({ requested: 'cpu', active: 'cpu', fallbacks: [] });
	});
});

describe('wasm threads', () => {
	it('uses one thread without cross-origin isolation, whatever the cores', () => {
		expect(chooseWasmThreads({ crossOriginIsolated: false, hardwareConcurrency: 8 })).toBe(1);
	});

	it('uses half the reported cores (rounded up) when isolated, capped at 4 (or the given cap)', () => {
		const isolated = (hardwareConcurrency: number, max?: number) =>
			chooseWasmThreads({ crossOriginIsolated: true, hardwareConcurrency }, max);
		expect([1, 2, 3, 4, 6, 8, 16].map((cores) => isolated(cores))).toEqual([1, 1, 2, 2, 3, 4, 4]);
		expect(isolated(16, 6)).toBe(6);
	});

	it('falls back to one thread when the core count is missing or nonsense', () => {
		expect(chooseWasmThreads({ crossOriginIsolated: true })).toBe(1);
		expect(chooseWasmThreads({ crossOriginIsolated: true, hardwareConcurrency: 0 })).toBe(1);
		expect(chooseWasmThreads({ crossOriginIsolated: true, hardwareConcurrency: Number.NaN })).toBe(1);
	});

	it('reports twice the wanted threads, since tfjs-backend-wasm halves the cores', () => {
		expect(reportedCoresFor(1)).toBe(2);
		expect(reportedCoresFor(2)).toBe(4);
		expect(reportedCoresFor(0)).toBe(2);
	});

	class FakeNavigator {
		get hardwareConcurrency() {
			return 2;
		}
	}

	it('reports the given cores during start only, then the real ones again', async () => {
		const navigator = new FakeNavigator();
		const seen = await withReportedCores(navigator, 4, async () => navigator.hardwareConcurrency);
		expect(seen).toBe(4);
		expect(navigator.hardwareConcurrency).toBe(2);
		expect(Object.getOwnPropertyDescriptor(navigator, 'hardwareConcurrency')).toBeUndefined();
	});

	it('puts the original back when start throws, including an own property', async () => {
		const navigator = { hardwareConcurrency: 3 };
		const failing = withReportedCores(navigator, 8, async () => {
			expect(navigator.hardwareConcurrency).toBe(8);
			throw new Error('no wasm');
		});
		await expect(failing).rejects.toThrow('no wasm');
		expect(Object.getOwnPropertyDescriptor(navigator, 'hardwareConcurrency')).toMatchObject({ value: 3 });
	});
});

describe('with tfjs (CPU backend in Node)', () => {
	it('loads tfjs once and starts the CPU backend through the real host', async () => {
		const loaded = await loadTf();
		expect(await loadTf()).toBe(loaded);
		const info = await selectBackend('cpu', tfBackendHost(loaded));
		expect(info).toEqual({ requested: 'cpu', active: 'cpu', fallbacks: [] });
		expect(loaded.getBackend()).toBe('cpu');
	});

	it('reports a lost WebGL context once, and not after stopping; nothing without a WebGL backend', () => {
		const canvas = new EventTarget();
		const fakeTf = (webgl: boolean) =>
			({ findBackend: () => (webgl ? { gpgpu: { gl: { canvas } } } : null) }) as unknown as typeof tf;
		let lost = 0;
		watchContextLoss(fakeTf(true), () => lost++);
		canvas.dispatchEvent(new Event('webglcontextlost'));
		canvas.dispatchEvent(new Event('webglcontextlost'));
		expect(lost).toBe(1);
		const stop = watchContextLoss(fakeTf(true), () => lost++);
		stop();
		canvas.dispatchEvent(new Event('webglcontextlost'));
		expect(lost).toBe(1);
		watchContextLoss(fakeTf(false), () => lost++)();
		expect(lost).toBe(1);
	});

	it('finds no WebGL where no canvas can be made (Node)', () => {
		expect(probeWebgl()).toEqual({ available: false, renderer: null });
	});
});
