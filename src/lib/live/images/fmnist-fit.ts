/**
 * Does an image look like a Fashion-MNIST image? (pure) The bundled models only ever saw 28×28 grey
 * photos of one garment, light on a black background; on anything else they still name one of their
 * ten classes, often with high confidence. The rule measures what a reader can see and
 * compares them with the 60,000 training images (`fmnist-stats.json`, written by
 * `npx tsx scripts/fmnist-stats.ts` from Debian's dataset-fashion-mnist):
 * - colour: every training image is grey (chroma 0); a photo above MAX_CHROMA is in colour;
 * - no black background: the outer ring is lighter, or fewer pixels are near black, than in any
 *   training image;
 * - brightness: the mean grey level is outside the range of the training images.
 * The limits are the training set's extremes, so no training image is flagged. The reader's image is
 * measured as it is (the shipped samples are zero-padded to 32×32, which only darkens their mean; the
 * classifier does not judge its own samples).
 */
import stats from './fmnist-stats.json';
import type { ImageStats } from './image-stats';

export type { ImageStats } from './image-stats';
export { imageStats } from './image-stats';

export type Misfit = 'colour' | 'background' | 'brightness';

/**
 * Grey images stored as JPEG or scanned carry a little chroma noise (a few levels of 255); colour
 * photos measure several times more (the skimage samples: 0.15–0.42). Not a training-set statistic: the
 * training set is exactly grey.
 */
export const MAX_CHROMA = 0.04;

/** The limits the rule uses: the training set's extremes (see the header). */
export const FMNIST_LIMITS = {
	maxBorder: stats.border.max,
	minDark: stats.dark.min,
	minMean: stats.mean.min,
	maxMean: stats.mean.max
} as const;

/** Why an image does not look like Fashion-MNIST; empty when it does. */
export function fmnistMisfits(s: ImageStats, limits = FMNIST_LIMITS): Misfit[] {
	const misfits: Misfit[] = [];
	if (s.chroma > MAX_CHROMA) misfits.push('colour');
	if (s.border > limits.maxBorder || s.dark < limits.minDark) misfits.push('background');
	if (s.mean < limits.minMean || s.mean > limits.maxMean) misfits.push('brightness');
	return misfits;
}
