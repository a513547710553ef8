/**
 * Developer console hook: with `localStorage.setItem('egn.devtools.v1', 'on')` and a reload, the page
 * exposes `window.egnDevtools.logits(modelId, input, taps?)`, which runs a loaded network of the shared
 * session on an NHWC float32 input of your choice (`[1, R, R, 3]`, already normalized) and returns
 * its raw logits (and the named taps, e.g. 'features' or 'blocks.3', NHWC). It lets a maintainer (and the browser tests) compare what the browser computes
 * with the Node parity run on the same tensor. Off by default; it only reads, never changes state.
 */
import type { Net } from '$lib/nets/build';
import type { Tf } from '$lib/nets/runtime';
import { safeStorage } from '$lib/viz/weights/dev-settings';

export const DEVTOOLS_KEY = 'egn.devtools.v1';

export interface NetRunner {
	withNet<T>(modelId: string, task: (net: Net, tf: Tf) => T | Promise<T>): Promise<T>;
}

export interface Devtools {
	/** Raw logits (and taps) of `modelId` for `input` (NHWC, batch of one), and the backend that ran it. */
	logits(modelId: string, input: ArrayLike<number>, taps?: string[]): Promise<DevtoolsResult>;
}

export interface DevtoolsResult {
	logits: number[];
	/** Each requested tap's values, NHWC order, with its shape. */
	taps: Record<string, { shape: number[]; values: number[] }>;
	backend: string;
}

/** The network's logits (and taps) for one NHWC input; every tensor it makes is disposed. */
export async function runLogits(
	net: Net,
	tf: Tf,
	input: ArrayLike<number>,
	taps: string[] = []
): Promise<DevtoolsResult> {
	const size = net.spec.resolution;
	if (input.length !== size * size * 3)
		throw new RangeError(
			`input has ${input.length} values; ${net.spec.name} takes 1 × ${size} × ${size} × 3`
		);
	const result = tf.tidy(() => {
		const out = net.infer(tf.tensor4d(Float32Array.from(input), [1, size, size, 3]), { taps });
		return { logits: out.logits, taps: out.taps };
	});
	try {
		const read = async (t: ReturnType<Tf['tensor']>) => ({
			shape: t.shape,
			values: Array.from(await t.data())
		});
		const tapValues = Object.fromEntries(
			await Promise.all(taps.map(async (name) => [name, await read(result.taps[name])]))
		);
		return { logits: (await read(result.logits)).values, taps: tapValues, backend: tf.getBackend() };
	} finally {
		tf.dispose([result.logits, ...Object.values(result.taps)]);
	}
}

export function devtools(session: NetRunner): Devtools {
	return {
		logits: (modelId, input, taps) => session.withNet(modelId, (net, tf) => runLogits(net, tf, input, taps))
	};
}

/** Installs `egnDevtools` on `target` when the storage switch is on; returns whether it did. */
export function installDevtools(
	session: NetRunner,
	target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
	storage: Pick<Storage, 'getItem'> | null = safeStorage()
): boolean {
	let on = false;
	try {
		on = storage?.getItem(DEVTOOLS_KEY) === 'on';
	} catch {
		on = false;
	}
	if (on) target.egnDevtools = devtools(session);
	return on;
}
