/**
 * Developer setting: where the hub source downloads from, overriding the build's
 * `PUBLIC_WEIGHTS_BASE_URL` at runtime. Set it in the browser console:
 *
 *   localStorage.setItem('egn.weightsBase.v1', 'http://127.0.0.1:8765')
 *
 * and reload; `localStorage.removeItem('egn.weightsBase.v1')` returns to the build's setting. The
 * browser tests use it to point the production build at a local server laid out like the hub
 * (`<base>/<repo>/resolve/main/model.safetensors`). It is a storage key rather than a query
 * parameter so that a link cannot make a reader's browser fetch weights from a host of the link's
 * choosing. The page always shows the host it downloads from.
 */

export const WEIGHTS_BASE_KEY = 'egn.weightsBase.v1';

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
export function weightsBaseOverride(storage: Pick<Storage, 'getItem'> | null = safeStorage()): string | null {
	try {
		return validWeightsBase(storage?.getItem(WEIGHTS_BASE_KEY));
	} catch {
		return null;
	}
}

/** localStorage, or null where it is missing or blocked (e.g. sandboxed frames). */
export function safeStorage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null;
	}
}
