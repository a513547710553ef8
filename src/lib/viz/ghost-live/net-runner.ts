/**
 * How the live parts reach a network the page has already built: `NetworkSession.withNet` runs a task
 * with the network and tfjs inside its engine's queue (no backend switch or rebuild happens in the
 * middle), so the live parts never hold a second copy of the weights. `NetRunner` is that method's
 * shape (tests provide one over real tfjs networks); `ImageChoice` the image the parts run on.
 */
import type { Net } from '$lib/nets/build';
import type { ImageSourceLike } from '$lib/nets/preprocess';
import type { Tf } from '$lib/nets/runtime';
import type { DatasetId } from '$lib/viz/classifier/models';

export type NetTask<T> = (net: Net, tf: Tf) => T | Promise<T>;

export interface NetRunner {
	withNet<T>(modelId: string, task: NetTask<T>): Promise<T>;
}

/** An image to run on: `key` identifies it (sample id, file name + size + date, camera photo number). */
export interface ImageChoice {
	key: string;
	source: ImageSourceLike;
	/** Alt text / caption. */
	label: string;
	/** The data set of a sample; null for the reader's own images (they suit every model). */
	dataset: DatasetId | null;
	/** What the picker shows: the sample's URL or an object URL of the reader's image. */
	url: string;
}
