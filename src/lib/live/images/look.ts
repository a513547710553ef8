/**
 * Does the reader's image suit the Fashion-MNIST models? Reads a small copy of it on the page (a few
 * thousand pixels are enough for the statistics) and applies the pure rule of fmnist-fit.ts.
 */
import { readPixels } from '$lib/nets';
import { fmnistMisfits, imageStats, type Misfit } from './fmnist-fit';

const SIDE = 28;
const MAX_PIXELS = 96 * 96;

/** The reasons the image does not look like Fashion-MNIST ([] when it does); null if unreadable here. */
export async function fmnistMisfitsOf(image: Blob): Promise<Misfit[] | null> {
	try {
		const { data, width, height } = await readPixels(image, SIDE, { maxSourcePixels: MAX_PIXELS });
		return fmnistMisfits(imageStats(data, width, height));
	} catch {
		return null; // No canvas or an undecodable image: the classification says what went wrong.
	}
}
