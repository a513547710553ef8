/**
 * The Cache Storage that keeps validated checkpoints (sources.ts reads and writes it): its versioned
 * name, whether a URL is cached, clearing it. Apart from the loading code, so that a page can ask
 * without loading the checkpoint readers.
 */

export interface CacheOptions {
	/**
	 * Default `globalThis.caches`; null turns the cache off (files the site serves itself, which the
	 * HTTP cache keeps, gain nothing from a second copy, and writing one delays the network's start).
	 */
	caches?: CacheStorage | null;
}

/**
 * 'hit': read from the cache; 'stored': downloaded and now cached; 'unavailable': no Cache Storage
 * here; 'store-failed': could not be cached (quota); 'not-used': a local file.
 */
export type CacheStatus = 'hit' | 'stored' | 'unavailable' | 'store-failed' | 'not-used';

/** Cache Storage names start with this; other versions are deleted. */
export const WEIGHTS_CACHE_PREFIX = 'egn-weights-';
/** Bump the version when the cached format or validation changes. */
export const WEIGHTS_CACHE_NAME = `${WEIGHTS_CACHE_PREFIX}v2`;

const pruned = new WeakMap<CacheStorage, Promise<void>>();

/** The weights cache, or null where Cache Storage is missing or refuses (insecure origin, private mode). */
export async function openCache(options: CacheOptions): Promise<Cache | null> {
	const storage = options.caches === undefined ? (globalThis.caches ?? null) : options.caches;
	if (!storage) return null;
	try {
		if (!pruned.has(storage))
			pruned.set(
				storage,
				pruneOldCaches(storage).catch(() => {})
			);
		await pruned.get(storage);
		return await storage.open(WEIGHTS_CACHE_NAME);
	} catch {
		return null;
	}
}

async function pruneOldCaches(storage: CacheStorage): Promise<void> {
	const names = await storage.keys();
	const stale = names.filter((n) => n.startsWith(WEIGHTS_CACHE_PREFIX) && n !== WEIGHTS_CACHE_NAME);
	await Promise.all(stale.map((n) => storage.delete(n)));
}

/** Whether a validated copy from `url` is in the cache (for a "cached" badge). */
export async function isCached(url: string, options: CacheOptions = {}): Promise<boolean> {
	const cache = await openCache(options);
	if (!cache) return false;
	try {
		return (await cache.match(url)) !== undefined;
	} catch {
		return false;
	}
}

/** Deletes every cached checkpoint (all versions). Resolves to false without Cache Storage. */
export async function clearWeightsCache(options: CacheOptions = {}): Promise<boolean> {
	const storage = options.caches === undefined ? (globalThis.caches ?? null) : options.caches;
	if (!storage) return false;
	try {
		const names = (await storage.keys()).filter((n) => n.startsWith(WEIGHTS_CACHE_PREFIX));
		await Promise.all(names.map((n) => storage.delete(n)));
		return true;
	} catch {
		return false;
	}
}
