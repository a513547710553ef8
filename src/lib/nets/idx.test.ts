import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IdxError, paddedRgba, readIdx, readIdxImages, readIdxLabels } from './idx';

/** Build IDX bytes: magic, dims (big-endian uint32), then `body`. */
function idx(typeCode: number, dims: number[], body: number[] | Uint8Array): Uint8Array {
	const header = [0, 0, typeCode, dims.length];
	for (const d of dims) header.push((d >>> 24) & 255, (d >>> 16) & 255, (d >>> 8) & 255, d & 255);
	return new Uint8Array([...header, ...body]);
}

function expectIdxError(fn: () => unknown, code: IdxError['code']): IdxError {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(IdxError);
		expect((e as IdxError).code).toBe(code);
		return e as IdxError;
	}
	throw new Error(`expected IdxError ${code}`);
}

describe('readIdx on synthetic buffers', () => {
	it('reads uint8 [2, 2, 3] row-major, as a view of the input', () => {
		const bytes = idx(0x08, [2, 2, 3], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255]);
		const a = readIdx(bytes);
		expect(a.dtype).toBe('uint8');
		expect(a.shape).toEqual([2, 2, 3]);
		expect(Array.from(a.data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255]);
		expect(a.data.buffer).toBe(bytes.buffer);
	});

	it('reads at a non-zero byte offset (a subarray of a larger buffer)', () => {
		const inner = idx(0x08, [3], [7, 8, 9]);
		const outer = new Uint8Array(inner.length + 5);
		outer.set(inner, 5);
		expect(Array.from(readIdx(outer.subarray(5)).data)).toEqual([7, 8, 9]);
	});

	it('decodes big-endian int8, int16, int32, float32 and float64', () => {
		expect(Array.from(readIdx(idx(0x09, [2], [0xff, 0x7f])).data)).toEqual([-1, 127]);
		expect(Array.from(readIdx(idx(0x0b, [2], [0x01, 0x02, 0xff, 0xfe])).data)).toEqual([258, -2]);
		expect(Array.from(readIdx(idx(0x0c, [1], [0x00, 0x01, 0x00, 0x00])).data)).toEqual([65536]);
		// 1.5f = 0x3fc00000; -2.0 (float64) = 0xc000000000000000
		expect(Array.from(readIdx(idx(0x0d, [1], [0x3f, 0xc0, 0, 0])).data)).toEqual([1.5]);
		const f64 = readIdx(idx(0x0e, [1, 1], [0xc0, 0, 0, 0, 0, 0, 0, 0]));
		expect([f64.dtype, Array.from(f64.data)]).toEqual(['float64', [-2]]);
	});

	it('rejects short, gzip, bad magic, unknown types and bad dimension counts', () => {
		expectIdxError(() => readIdx(new Uint8Array([0, 0, 8])), 'truncated');
		expectIdxError(() => readIdx(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0])), 'gzip');
		expectIdxError(() => readIdx(idx(0x08, [1], [0]).map((b, i) => (i === 1 ? 8 : b))), 'magic');
		expect(expectIdxError(() => readIdx(idx(0x0a, [1], [0])), 'dtype').found).toBe('0x0a');
		expectIdxError(() => readIdx(new Uint8Array([0, 0, 8, 0])), 'dims');
		expectIdxError(() => readIdx(new Uint8Array([0, 0, 8, 9])), 'dims');
		expectIdxError(() => readIdx(new Uint8Array([0, 0, 8, 2, 0, 0, 0, 1])), 'truncated');
	});

	it('requires the exact data length: missing and trailing bytes', () => {
		const short = expectIdxError(() => readIdx(idx(0x08, [2, 2], [1, 2, 3])), 'truncated');
		expect(short.expected).toContain('16 bytes');
		expect(short.found).toBe('15 bytes');
		expectIdxError(() => readIdx(idx(0x08, [2, 2], [1, 2, 3, 4, 5])), 'byte-length');
		expectIdxError(() => readIdx(idx(0x0b, [2], [0, 1, 0])), 'truncated');
		expectIdxError(() => readIdx(idx(0x08, [100000, 100000], [])), 'truncated');
	});
});

describe('image and label helpers', () => {
	it('readIdxImages checks the type, rank and size', () => {
		const images = readIdxImages(idx(0x08, [1, 2, 2], [1, 2, 3, 4]), [2, 2]);
		expect(images.shape).toEqual([1, 2, 2]);
		expectIdxError(() => readIdxImages(idx(0x08, [1, 2, 2], [1, 2, 3, 4]), [28, 28]), 'unexpected');
		expectIdxError(() => readIdxImages(idx(0x08, [4], [1, 2, 3, 4])), 'unexpected');
		expectIdxError(() => readIdxImages(idx(0x0b, [1, 1, 1], [0, 1])), 'unexpected');
	});

	it('readIdxLabels checks rank and class range', () => {
		expect(Array.from(readIdxLabels(idx(0x08, [3], [0, 9, 4]), 10))).toEqual([0, 9, 4]);
		expect(expectIdxError(() => readIdxLabels(idx(0x08, [3], [0, 10, 4]), 10), 'unexpected').found).toBe(
			'10 at 1'
		);
		expectIdxError(() => readIdxLabels(idx(0x08, [1, 1], [0]), 10), 'unexpected');
	});

	it('paddedRgba pads with black, repeats gray to RGB and sets alpha', () => {
		const images = readIdxImages(idx(0x08, [2, 1, 2], [10, 20, 30, 40]));
		const rgba = paddedRgba(images, 1, 1);
		expect(rgba.length).toBe(3 * 4 * 4);
		const pixel = (x: number, y: number) => Array.from(rgba.subarray((y * 4 + x) * 4, (y * 4 + x) * 4 + 4));
		expect(pixel(0, 0)).toEqual([0, 0, 0, 255]);
		expect(pixel(1, 1)).toEqual([30, 30, 30, 255]);
		expect(pixel(2, 1)).toEqual([40, 40, 40, 255]);
		expect(pixel(3, 2)).toEqual([0, 0, 0, 255]);
		expect(() => paddedRgba(images, 2)).toThrow(RangeError);
		expect(() => paddedRgba(images, 0, -1)).toThrow(RangeError);
	});
});

const SAMPLES = 'static/samples/fmnist';
const manifest = JSON.parse(readFileSync(`${SAMPLES}/samples.json`, 'utf8')) as {
	classes: string[];
	samples: { testIndex: number; label: number }[];
};
const gunzipFile = (path: string) => new Uint8Array(gunzipSync(readFileSync(path)));

describe('the committed Fashion-MNIST samples', () => {
	it('are 100 images of 28x28 whose labels match the manifest, 10 per class', () => {
		const images = readIdxImages(gunzipFile(`${SAMPLES}/samples-images-idx3-ubyte.gz`), [28, 28]);
		const labels = readIdxLabels(gunzipFile(`${SAMPLES}/samples-labels-idx1-ubyte.gz`), 10);
		expect(images.shape).toEqual([100, 28, 28]);
		expect(Array.from(labels)).toEqual(manifest.samples.map((s) => s.label));
		expect(manifest.classes).toHaveLength(10);
		for (let c = 0; c < 10; c++) expect(labels.filter((l) => l === c)).toHaveLength(10);
		// Clothing on a black background: the padded border is black, the middle is not.
		const rgba = paddedRgba(images, 0, 2);
		expect(rgba.length).toBe(32 * 32 * 4);
		expect(rgba[0]).toBe(0);
		expect(images.data.subarray(0, 784).some((v) => v > 100)).toBe(true);
	});
});

const T10K = '/usr/share/datasets/fashion-mnist';
const hasDataset =
	existsSync(`${T10K}/t10k-labels-idx1-ubyte.gz`) && existsSync(`${T10K}/t10k-images-idx3-ubyte.gz`);

describe.skipIf(!hasDataset)('the Debian dataset-fashion-mnist test set (when installed)', () => {
	it('has the documented header and balanced labels, and contains the committed samples', () => {
		const labelBytes = gunzipFile(`${T10K}/t10k-labels-idx1-ubyte.gz`);
		expect(Array.from(labelBytes.subarray(0, 8))).toEqual([0, 0, 8, 1, 0, 0, 0x27, 0x10]);
		const labels = readIdxLabels(labelBytes, 10);
		expect(labels.length).toBe(10000);
		for (let c = 0; c < 10; c++) expect(labels.filter((l) => l === c)).toHaveLength(1000);
		const images = readIdxImages(gunzipFile(`${T10K}/t10k-images-idx3-ubyte.gz`), [28, 28]);
		expect(images.shape).toEqual([10000, 28, 28]);
		const samples = readIdxImages(gunzipFile(`${SAMPLES}/samples-images-idx3-ubyte.gz`), [28, 28]);
		manifest.samples.forEach((s, k) => {
			expect(labels[s.testIndex]).toBe(s.label);
			const original = images.data.subarray(s.testIndex * 784, (s.testIndex + 1) * 784);
			expect(samples.data.subarray(k * 784, (k + 1) * 784)).toEqual(original);
		});
	});
});
