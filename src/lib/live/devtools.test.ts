import { describe, expect, it, vi } from 'vitest';
import { DEVTOOLS_KEY } from './settings';
import { installDevtools, type Devtools, type DevtoolsHost } from './devtools';

const storage = (value: string | null) => ({
	getItem: (key: string) => (key === DEVTOOLS_KEY ? value : null)
});

/** The runtime's answers, as the session passes them on (the host itself: host.test.ts). */
const host: DevtoolsHost = {
	logits: vi.fn(async (modelId: string, input: Float32Array, taps: string[] = []) => {
		if (modelId !== 'small') throw new Error(`network ${modelId} is not loaded`);
		return {
			logits: Float32Array.from([input[0], 2]),
			taps: Object.fromEntries(
				taps.map((t) => [t, { shape: [1, 1, 1, 2], values: Float32Array.from([3, 4]) }])
			),
			backend: 'wasm' as const
		};
	}),
	loseWebglContext: vi.fn(async () => {}),
	timeline: vi.fn(async () => [
		{ name: 'start', at: performance.timeOrigin + 10 },
		{ name: 'start', at: performance.timeOrigin + 99 },
		{ name: 'built:a', at: performance.timeOrigin + 40.4 }
	])
};

describe('developer console hook', () => {
	it('is not installed unless the storage switch is on', () => {
		for (const value of [null, '', '1', 'true', 'off']) {
			const target: Record<string, unknown> = {};
			expect(installDevtools(host, target, storage(value))).toBe(false);
			expect(target).toEqual({});
		}
		const target: Record<string, unknown> = {};
		const blocked = {
			getItem: () => {
				throw new Error('SecurityError');
			}
		};
		expect(installDevtools(host, target, blocked)).toBe(false);
		expect(installDevtools(host, target, null)).toBe(false);
		expect(target).toEqual({});
	});

	it('passes the input on as float32 and returns plain arrays a console (and a browser test) can read', async () => {
		const target: Record<string, unknown> = {};
		expect(installDevtools(host, target, storage('on'))).toBe(true);
		const hook = target.egnDevtools as Devtools;
		const result = await hook.logits('small', [1.5, 0, 0], ['features']);
		expect(host.logits).toHaveBeenCalledWith('small', Float32Array.from([1.5, 0, 0]), ['features']);
		expect(result).toEqual({
			logits: [1.5, 2],
			taps: { features: { shape: [1, 1, 1, 2], values: [3, 4] } },
			backend: 'wasm'
		});
		await expect(hook.logits('other', [])).rejects.toThrow(/not loaded/);
	});

	it('reports the runtime timeline in ms since navigation, the first mark of each name', async () => {
		const target: Record<string, unknown> = {};
		installDevtools(host, target, storage('on'));
		expect(await (target.egnDevtools as Devtools).timeline()).toEqual({ start: 10, 'built:a': 40 });
	});
});
