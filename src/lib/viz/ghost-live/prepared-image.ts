/**
 * Preprocessing is the slowest CPU step (decode, bicubic resize), so each image is preprocessed once
 * per model set and reused while the reader switches modules or layers.
 */
import { preprocessImage, type PreprocessConfig, type PreprocessedImage } from '$lib/nets/preprocess';
import type { ImageChoice } from './net-runner';

export type Preprocess = (choice: ImageChoice, config: PreprocessConfig) => Promise<PreprocessedImage>;

const configKey = (c: PreprocessConfig) =>
	[c.resizeShorter, c.crop, c.color, c.padValue, ...c.mean, ...c.std].join(',');

/** A one-entry cache: the last image under the last config. */
export function preparedImages(
	preprocess: Preprocess = (choice, config) => preprocessImage(choice.source, config)
) {
	let last: { key: string; image: Promise<PreprocessedImage> } | null = null;
	return (choice: ImageChoice, config: PreprocessConfig): Promise<PreprocessedImage> => {
		const key = `${choice.key}|${configKey(config)}`;
		if (last?.key !== key) {
			const image = preprocess(choice, config);
			last = { key, image };
			// A failed preprocessing is not cached: the next call tries again.
			image.catch(() => {
				if (last?.image === image) last = null;
			});
		}
		return last.image;
	};
}
