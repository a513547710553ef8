/**
 * The Fashion-MNIST training set's image statistics behind the "does not look like Fashion-MNIST" rule
 * (src/lib/live/images/fmnist-fit.ts), written to src/lib/live/images/fmnist-stats.json:
 *
 *   npx tsx scripts/fmnist-stats.ts [train-images-idx3-ubyte.gz]
 *
 * Default input: Debian's dataset-fashion-mnist. Each of the 60,000 training images goes through the
 * same `imageStats` as the reader's image; the JSON keeps percentiles of each statistic.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { imageStats, type ImageStats } from '../src/lib/live/images/image-stats';
import { paddedRgba, readIdxImages } from '../src/lib/nets/idx';

export const TRAIN_IMAGES = '/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz';
const OUT = new URL('../src/lib/live/images/fmnist-stats.json', import.meta.url);

const PERCENTILES = { p001: 0.001, p01: 0.01, p50: 0.5, p99: 0.99, p999: 0.999 } as const;
type Percentiles = Record<keyof typeof PERCENTILES | 'min' | 'max', number>;

/** Nearest-rank percentiles, rounded to 4 decimals (the JSON is read by people too). */
function percentiles(values: number[]): Percentiles {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
	const round = (v: number) => Math.round(v * 1e4) / 1e4;
	const out = { min: round(sorted[0]), max: round(sorted[sorted.length - 1]) } as Percentiles;
	for (const [key, p] of Object.entries(PERCENTILES)) out[key as keyof typeof PERCENTILES] = round(at(p));
	return out;
}

/** Percentiles of every statistic over the images of a gzipped IDX file. */
export function trainingStats(gzipped: Uint8Array) {
	const images = readIdxImages(gunzipSync(gzipped), [28, 28]);
	const [n, h, w] = images.shape;
	const all: Record<keyof ImageStats, number[]> = { chroma: [], border: [], mean: [], dark: [] };
	for (let i = 0; i < n; i++) {
		const s = imageStats(paddedRgba(images, i), w, h);
		for (const key of Object.keys(all) as (keyof ImageStats)[]) all[key].push(s[key]);
	}
	return {
		images: n,
		chroma: percentiles(all.chroma),
		border: percentiles(all.border),
		mean: percentiles(all.mean),
		dark: percentiles(all.dark)
	};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const source = process.argv[2] ?? TRAIN_IMAGES;
	const stats = trainingStats(readFileSync(source));
	const note = `Fashion-MNIST training images (${source.split('/').pop()}), each through imageStats; written by npx tsx scripts/fmnist-stats.ts`;
	writeFileSync(OUT, JSON.stringify({ note, ...stats }, null, '\t') + '\n');
	console.log(JSON.stringify(stats));
}
