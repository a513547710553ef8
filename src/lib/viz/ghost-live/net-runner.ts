/**
 * How the live parts reach a network the page has already built: the page's network session runs a
 * task with the network and tfjs inside its engine's queue (no backend switch or rebuild happens in the
 * middle), so the live parts never hold a second copy of the weights.
 */
import type { Net } from '$lib/nets/build';
import type { ImageSourceLike } from '$lib/nets/preprocess';
import type { Tf } from '$lib/nets/runtime';

export type NetTask<T> = (net: Net, tf: Tf) => T | Promise<T>;

export interface NetRunner {
	withNet<T>(modelId: string, task: NetTask<T>): Promise<T>;
}

/** The session's runner, or null when this session cannot run tasks on its networks. */
export function netRunner(session: object): NetRunner | null {
	const candidate = session as Partial<NetRunner>;
	return typeof candidate.withNet === 'function' ? (candidate as NetRunner) : null;
}

/** An image the reader chose: `key` identifies it (sample id, file name + size, camera frame number). */
export interface ImageChoice {
	key: string;
	source: ImageSourceLike;
	label: string;
}
