/**
 * Per-image preprocessing of a model set. The Fashion-MNIST networks were trained on 28×28 images
 * zero-padded to 32×32, so an image that already fits inside the network input (a raw 28×28 Fashion-MNIST
 * image, or a 32×32 padded one) keeps its size and is centred on a zero border, as in training, instead
 * of being enlarged by the bicubic resize that larger photos go through.
 */
import type { PreprocessConfig } from '$lib/nets/preprocess';

export interface InputConfig extends PreprocessConfig {
	/** Images no larger than the crop are zero-padded to it rather than resized. */
	padSmaller?: boolean;
}

/** The preprocessing for one image of `width × height` pixels under the set's `config`. */
export function configForImage(config: InputConfig, width: number, height: number): PreprocessConfig {
	const { padSmaller = false, ...base } = config;
	if (padSmaller && width <= base.crop && height <= base.crop) return { ...base, resizeShorter: null };
	return base;
}
