/**
 * The eval transforms' parameters (pure, no pixel code): timm's ImageNet config and its channel
 * statistics. Apart from preprocess.ts so that a page can describe its models' input without loading
 * the resizing code, which runs in the live runtime's worker.
 */

/** ImageNet channel means (RGB, in [0, 1] units), timm `IMAGENET_DEFAULT_MEAN`. */
export const IMAGENET_MEAN = [0.485, 0.456, 0.406] as const;
/** ImageNet channel standard deviations (RGB), timm `IMAGENET_DEFAULT_STD`. */
export const IMAGENET_STD = [0.229, 0.224, 0.225] as const;

export type Rgb = readonly [number, number, number];

/** Parameters of an eval transform; `TIMM_IMAGENET_EVAL` is the one both checkpoints use. */
export interface PreprocessConfig {
	/** Target of the shorter side (torchvision `Resize(int)`), or null to keep the image size. */
	resizeShorter: number | null;
	/** Side of the square center crop; larger than the image means padding. */
	crop: number;
	/** Per-channel mean and std in [0, 1] units (applied after /255). */
	mean: Rgb;
	std: Rgb;
	/** 'rgb' keeps colour; 'gray' converts to luma as PIL's `convert('L')` and repeats it 3 times. */
	color: 'rgb' | 'gray';
	/** Raw value (0–255) of padded pixels, before normalization (torchvision pads with 0). */
	padValue: number;
}

/** timm's eval config for an ImageNet model with input `inputSize` and crop fraction `cropPct`. */
export function imagenetEvalConfig(inputSize = 224, cropPct = 0.875): PreprocessConfig {
	return {
		resizeShorter: Math.floor(inputSize / cropPct),
		crop: inputSize,
		mean: IMAGENET_MEAN,
		std: IMAGENET_STD,
		color: 'rgb',
		padValue: 0
	};
}

/** Resize 256 (bicubic), center crop 224, ImageNet mean/std: `efficientnet_b0.ra_in1k`, `ghostnet_100.in1k`. */
export const TIMM_IMAGENET_EVAL: PreprocessConfig = Object.freeze(imagenetEvalConfig(224, 0.875));
