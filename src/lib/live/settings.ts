/**
 * What the live runtime remembers in the browser (localStorage; read on the page's thread, since a
 * worker has no localStorage, and handed to the host at start):
 *
 * - `egn.backend.v1`: the reader's explicit backend choice ('webgl' | 'wasm' | 'cpu'); unset = automatic.
 *
 * Developer settings (set them in the browser console, then reload):
 *
 * - `egn.weightsBase.v1 = '<url>'`: where the hub source downloads from, overriding the build's
 *   `PUBLIC_WEIGHTS_BASE_URL` (the browser tests point it at a local server laid out like the hub,
 *   `<base>/<repo>/resolve/main/model.safetensors`). A storage key rather than a query parameter, so
 *   that a link cannot make a reader's browser fetch weights from a host of the link's choosing. The
 *   page always shows the host it downloads from.
 * - `egn.devtools.v1 = 'on'`: exposes `egnDevtools` in the console (devtools.ts).
 * - `egn.gpuTest.v1 = '{"webgl": false}'` or `'{"renderer": "Test GPU", "speedup": 2}'`: tests the
 *   backend policy's WebGL paths on a machine without a GPU (protocol.ts `GpuTest`): no WebGL at all,
 *   or a named hardware renderer whose measured time is wasm's divided by `speedup`.
 * - `egn.stallTimeout.v1 = '<ms>'`: a download gives up after this many milliseconds without a byte
 *   instead of STALL_TIMEOUT_MS (30 s; `$lib/nets` sources.ts), so that the browser tests of a stalling
 *   server do not wait 30 s. Only shorter timeouts are taken.
 */
import { BACKENDS, STALL_TIMEOUT_MS, type BackendName } from '$lib/nets';
import type { GpuTest } from './protocol';

export const BACKEND_KEY = 'egn.backend.v1';
export const WEIGHTS_BASE_KEY = 'egn.weightsBase.v1';
export const DEVTOOLS_KEY = 'egn.devtools.v1';
export const GPU_TEST_KEY = 'egn.gpuTest.v1';
export const STALL_TIMEOUT_KEY = 'egn.stallTimeout.v1';

type Readable = Pick<Storage, 'getItem'> | null;

/** localStorage, or null where it is missing or blocked (private modes, sandboxed frames, Node). */
export function safeStorage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null;
	}
}

function read(storage: Readable, key: string): string | null {
	try {
		return storage?.getItem(key) ?? null;
	} catch {
		return null;
	}
}

function isBackendName(value: unknown): value is BackendName {
	return typeof value === 'string' && (BACKENDS as readonly string[]).includes(value);
}

/** The reader's saved backend, or null if none (or storage is unavailable or holds junk). */
export function loadBackendChoice(storage: Readable = safeStorage()): BackendName | null {
	const value = read(storage, BACKEND_KEY);
	return isBackendName(value) ? value : null;
}

/** Saves the reader's explicit choice (null: back to automatic); false when storage refuses. */
export function saveBackendChoice(
	name: BackendName | null,
	storage: Storage | null = safeStorage()
): boolean {
	try {
		if (!storage) return false;
		if (name === null) storage.removeItem(BACKEND_KEY);
		else storage.setItem(BACKEND_KEY, name);
		return true;
	} catch {
		return false;
	}
}

/** An absolute http(s) URL without credentials, query or fragment, with no trailing slash; else null. */
export function validWeightsBase(value: string | null | undefined): string | null {
	if (!value) return null;
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		return null;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
	if (url.username || url.password || url.search || url.hash) return null;
	return url.href.replace(/\/+$/, '');
}

/** The validated override, or null when none is set (or it is invalid, or storage is blocked). */
export function weightsBaseOverride(storage: Readable = safeStorage()): string | null {
	return validWeightsBase(read(storage, WEIGHTS_BASE_KEY));
}

export function devtoolsOn(storage: Readable = safeStorage()): boolean {
	return read(storage, DEVTOOLS_KEY) === 'on';
}

/** The GPU test setting, or null when unset or not of the documented shape. */
export function gpuTestSetting(storage: Readable = safeStorage()): GpuTest | null {
	const text = read(storage, GPU_TEST_KEY);
	if (!text) return null;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return null;
	}
	if (typeof value !== 'object' || value === null) return null;
	const { webgl, renderer, speedup } = value as Record<string, unknown>;
	const test: GpuTest = {};
	if (typeof webgl === 'boolean') test.webgl = webgl;
	if (typeof renderer === 'string' && renderer.length <= 100) test.renderer = renderer;
	if (typeof speedup === 'number' && speedup > 0 && Number.isFinite(speedup)) test.speedup = speedup;
	return Object.keys(test).length ? test : null;
}

/** The test hook's download stall timeout in ms, or null when unset or not a shorter whole number of ms. */
export function stallTimeoutSetting(storage: Readable = safeStorage()): number | null {
	const text = read(storage, STALL_TIMEOUT_KEY);
	const ms = text !== null && /^\d{1,6}$/.test(text.trim()) ? Number(text) : NaN;
	return ms > 0 && ms < STALL_TIMEOUT_MS ? ms : null;
}
