import { describe, expect, it } from 'vitest';
import { paddedRgba } from '$lib/nets/idx';
import { imagenetEvalConfig, preprocessPixels } from '$lib/nets';
import { configForImage, type InputConfig } from './models';

const FMNIST: InputConfig = { ...imagenetEvalConfig(32, 1), color: 'gray', padSmaller: true };

/** A 28×28 test pattern with distinct values, as RGBA (what the browser decodes from a gray PNG). */
function pattern28(): { rgba: Uint8ClampedArray; gray: Uint8Array } {
	const gray = new Uint8Array(28 * 28).map((_, i) => (i * 37 + 11) % 256);
	const rgba = new Uint8ClampedArray(28 * 28 * 4);
	gray.forEach((v, i) => rgba.set([v, v, v, 255], i * 4));
	return { rgba, gray };
}

describe('configForImage', () => {
	it('keeps a 28×28 image at its size and pads it into the 32×32 crop (Fashion-MNIST mode)', () => {
		expect(configForImage(FMNIST, 28, 28)).toMatchObject({ resizeShorter: null, crop: 32 });
		expect(configForImage(FMNIST, 32, 32)).toMatchObject({ resizeShorter: null, crop: 32 });
		expect(configForImage(FMNIST, 28, 28)).not.toHaveProperty('padSmaller');
	});

	it('resizes images larger than the crop, and every image when the set does not pad', () => {
		expect(configForImage(FMNIST, 33, 20).resizeShorter).toBe(32);
		expect(configForImage(FMNIST, 640, 480).resizeShorter).toBe(32);
		const imagenet: InputConfig = imagenetEvalConfig(224, 0.875);
		expect(configForImage(imagenet, 28, 28).resizeShorter).toBe(256);
	});

	it('gives a raw 28×28 image exactly the zero-padded input of the shipped 32×32 samples', () => {
		const { rgba, gray } = pattern28();
		const raw = { data: rgba, width: 28, height: 28, channels: 4 as const };
		const fromRaw = preprocessPixels(raw, configForImage(FMNIST, 28, 28));
		const padded = paddedRgba({ dtype: 'uint8', shape: [1, 28, 28], data: gray }, 0, 2);
		const fromPadded = preprocessPixels(
			{ data: padded, width: 32, height: 32, channels: 4 },
			configForImage(FMNIST, 32, 32)
		);
		expect(fromRaw.shape).toEqual([1, 32, 32, 3]);
		expect(Array.from(fromRaw.input)).toEqual(Array.from(fromPadded.input));
		// The border is the padding value (0) and the centre is the image itself, not a resized copy.
		expect(fromRaw.preview[0]).toBe(0);
		const centre = ((2 + 5) * 32 + 2 + 9) * 3;
		expect(fromRaw.preview[centre]).toBe(gray[5 * 28 + 9]);
	});
});
