/**
 * Developer console hook: with `localStorage.setItem('egn.devtools.v1', 'on')` and a reload, the page
 * exposes `window.egnDevtools`:
 * - `logits(modelId, input, taps?)` runs a loaded network of the shared session on an NHWC float32
 *   input of your choice (`[1, R, R, 3]`, already normalized) and returns its raw logits (and the named
 *   taps, e.g. 'features' or 'blocks.3', NHWC), so a maintainer (and the browser tests) can compare what
 *   the browser computes with the Node parity run on the same tensor;
 * - `loseWebglContext()` loses the runtime's WebGL context, to test the fallback to wasm;
 * - `timeline()` the runtime's own timing marks (worker side: tfjs loaded, each model's bytes,
 *   validation and build), in ms since this page's navigation, as the benchmark reports them.
 * Off by default.
 */
import type { LogitsResult } from './protocol';
import { devtoolsOn, safeStorage } from './settings';

export interface DevtoolsHost {
	logits(modelId: string, input: Float32Array, taps?: string[]): Promise<LogitsResult>;
	loseWebglContext(): Promise<void>;
	timeline(): Promise<{ name: string; at: number }[]>;
}

export interface DevtoolsResult {
	logits: number[];
	/** Each requested tap's values, NHWC order, with its shape. */
	taps: Record<string, { shape: number[]; values: number[] }>;
	backend: string;
}

export interface Devtools {
	/** Raw logits (and taps) of `modelId` for `input` (NHWC, batch of one), and the backend that ran it. */
	logits(modelId: string, input: ArrayLike<number>, taps?: string[]): Promise<DevtoolsResult>;
	loseWebglContext(): Promise<void>;
	/** The runtime's own timing marks (worker side), in ms since navigation start of this page. */
	timeline(): Promise<Record<string, number>>;
}

export function devtools(host: DevtoolsHost): Devtools {
	return {
		async logits(modelId, input, taps = []) {
			const result = await host.logits(modelId, Float32Array.from(input), taps);
			const plain = Object.entries(result.taps).map(([name, t]) => [
				name,
				{ shape: t.shape, values: Array.from(t.values) }
			]);
			return { logits: Array.from(result.logits), taps: Object.fromEntries(plain), backend: result.backend };
		},
		loseWebglContext: () => host.loseWebglContext(),
		async timeline() {
			const marks = await host.timeline();
			// The first of each name (later classifications repeat the same marks).
			const entries = marks.map((m) => [m.name, Math.round(m.at - performance.timeOrigin)] as const);
			return Object.fromEntries(entries.reverse());
		}
	};
}

/** Installs `egnDevtools` on `target` when the storage switch is on; returns whether it did. */
export function installDevtools(
	host: DevtoolsHost,
	target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
	storage: Pick<Storage, 'getItem'> | null = safeStorage()
): boolean {
	const on = devtoolsOn(storage);
	if (on) target.egnDevtools = devtools(host);
	return on;
}
