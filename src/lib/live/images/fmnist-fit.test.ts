import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { paddedRgba, readIdxImages } from '$lib/nets/idx';
import { trainingStats, TRAIN_IMAGES } from '../../../../scripts/fmnist-stats';
import { FMNIST_LIMITS, fmnistMisfits, imageStats, MAX_CHROMA } from './fmnist-fit';
import stats from './fmnist-stats.json';

const SAMPLES = 'static/samples';

function png(path: string) {
	const image = PNG.sync.read(readFileSync(path));
	return { data: image.data, width: image.width, height: image.height };
}
function jpg(path: string) {
	const image = jpeg.decode(readFileSync(path), { useTArray: true });
	return { data: image.data, width: image.width, height: image.height };
}
const misfitsOf = ({ data, width, height }: { data: ArrayLike<number>; width: number; height: number }) =>
	fmnistMisfits(imageStats(data, width, height));

describe('imageStats', () => {
	it('measures chroma, the outer ring and the mean of known pixels', () => {
		// 14×14: the ring is 1 px wide (52 pixels), red (255, 0, 0) inside, white on the ring.
		const w = 14;
		const rgba = new Uint8Array(w * w * 4);
		for (let y = 0; y < w; y++)
			for (let x = 0; x < w; x++) {
				const o = (y * w + x) * 4;
				const edge = x === 0 || y === 0 || x === w - 1 || y === w - 1;
				rgba.set(edge ? [255, 255, 255, 255] : [255, 0, 0, 255], o);
			}
		const s = imageStats(rgba, w, w);
		expect(s.border).toBeCloseTo(1, 6);
		expect(s.chroma).toBeCloseTo(144 / 196, 6);
		expect(s.mean).toBeCloseTo((52 * 255 + 144 * 0.299 * 255) / 196 / 255, 6);
	});
	it('refuses pixels that do not match the size', () => {
		expect(() => imageStats(new Uint8Array(10), 2, 2)).toThrow(RangeError);
	});
});

describe('the limits come from the training set', () => {
	it('are the percentiles in fmnist-stats.json', () => {
		expect(FMNIST_LIMITS).toEqual({
			maxBorder: stats.border.max,
			minDark: stats.dark.min,
			minMean: stats.mean.min,
			maxMean: stats.mean.max
		});
		expect(stats.images).toBe(60000);
		expect(stats.chroma.max).toBe(0);
	});
	it.skipIf(!existsSync(TRAIN_IMAGES))(
		'fmnist-stats.json is what the script computes from the data set',
		() => {
			const { note, ...expected } = stats;
			expect(note).toMatch(/scripts\/fmnist-stats\.ts/);
			expect(trainingStats(readFileSync(TRAIN_IMAGES))).toEqual(expected);
		},
		60_000
	);
});

describe('fmnistMisfits', () => {
	const fmnist = readdirSync(`${SAMPLES}/fmnist`).filter((f) => f.endsWith('.png'));

	it('passes the shipped Fashion-MNIST test images (28×28 IDX, as in the data set)', () => {
		const images = readIdxImages(
			gunzipSync(readFileSync(`${SAMPLES}/fmnist/samples-images-idx3-ubyte.gz`)),
			[28, 28]
		);
		expect(images.shape[0]).toBe(100);
		for (let i = 0; i < images.shape[0]; i++)
			expect(fmnistMisfits(imageStats(paddedRgba(images, i), 28, 28)), `image ${i}`).toEqual([]);
	});

	it.each(['chelsea', 'coffee', 'astronaut', 'motorcycle', 'rocket'])('flags the colour photo %s', (name) => {
		const s = imageStats(...(Object.values(jpg(`${SAMPLES}/${name}.jpg`)) as [Uint8Array, number, number]));
		expect(s.chroma).toBeGreaterThan(2 * MAX_CHROMA);
		expect(fmnistMisfits(s)).toContain('colour');
	});

	it('flags a garment on a white background (a sample, inverted)', () => {
		const { data, width, height } = png(`${SAMPLES}/fmnist/${fmnist[0]}`); // 32×32, zero-padded
		const inverted = data.map((v, i) => (i % 4 === 3 ? v : 255 - v));
		expect(misfitsOf({ data: inverted, width, height })).toEqual(['background', 'brightness']);
	});

	it('flags a grey photo by its background, not by colour', () => {
		const { data, width, height } = jpg(`${SAMPLES}/chelsea.jpg`);
		const grey = new Uint8Array(data.length);
		for (let o = 0; o < data.length; o += 4) {
			const v = Math.round(0.299 * data[o] + 0.587 * data[o + 1] + 0.114 * data[o + 2]);
			grey.set([v, v, v, 255], o);
		}
		expect(misfitsOf({ data: grey, width, height })).toEqual(['background']);
	});

	it('flags an almost black image by its brightness only', () => {
		const dark = new Uint8Array(28 * 28 * 4).map((_, i) => (i % 4 === 3 ? 255 : 2));
		expect(misfitsOf({ data: dark, width: 28, height: 28 })).toEqual(['brightness']);
	});

	it('flags a mid-grey image with no black background', () => {
		const flat = new Uint8Array(28 * 28 * 4).map((_, i) => (i % 4 === 3 ? 255 : 90));
		expect(misfitsOf({ data: flat, width: 28, height: 28 })).toEqual(['background']);
	});
});
