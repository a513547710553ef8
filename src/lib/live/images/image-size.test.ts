import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { imageFormat, imagePixelSize, MAX_IMAGE_PIXELS, tooManyPixels } from './image-size';
import { avifHeader, icoWithPng, jpegHeader, pngHeader } from './test-files';

// Made with Pillow: 37×23 pixels in each format (the JPEG with a 2 kB EXIF block before its frame header).
const dir = 'src/lib/live/images/test-images/';

describe('imagePixelSize', () => {
	it.each(readdirSync(dir))('reads 37×23 from %s', (file) => {
		expect(imagePixelSize(readFileSync(dir + file))).toEqual({ width: 37, height: 23 });
	});

	it('reads the shipped samples: the cat photo and a Fashion-MNIST test image', () => {
		expect(imagePixelSize(readFileSync('static/samples/chelsea.jpg'))).toEqual({ width: 451, height: 300 });
		expect(imagePixelSize(readFileSync('static/samples/fmnist/t10k-00000.png'))).toEqual({
			width: 32,
			height: 32
		});
	});

	it('finds a JPEG frame header after 320 KiB of APP2 segments, and after junk between segments', () => {
		const far = jpegHeader(16000, 16000, 320 * 1024);
		expect(far.length).toBeGreaterThan(320 * 1024);
		expect(imagePixelSize(far)).toEqual({ width: 16000, height: 16000 });
		expect(imagePixelSize(jpegHeader(300, 200, 1000, 17))).toEqual({ width: 300, height: 200 });
	});

	it('reads AVIF (image spatial extents) and ICO (the PNG inside)', () => {
		expect(imagePixelSize(avifHeader(20000, 10000))).toEqual({ width: 20000, height: 10000 });
		expect(imagePixelSize(icoWithPng(12000, 9000))).toEqual({ width: 12000, height: 9000 });
	});

	it('is null for other bytes and for a header cut before the size', () => {
		expect(imagePixelSize(new TextEncoder().encode('<!doctype html>'))).toBeNull();
		expect(imagePixelSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
		expect(imagePixelSize(readFileSync(dir + '37x23-exif.jpg').subarray(0, 1000))).toBeNull();
		expect(imagePixelSize(new Uint8Array(0))).toBeNull();
	});
});

describe('tooManyPixels', () => {
	it('refuses above MAX_IMAGE_PIXELS, not at it', () => {
		expect(tooManyPixels(pngHeader(10_000, 10_000))).toBe(false);
		expect(10_000 * 10_000).toBe(MAX_IMAGE_PIXELS);
		expect(tooManyPixels(pngHeader(10_000, 10_001))).toBe(true);
		expect(tooManyPixels(jpegHeader(16000, 16000, 320 * 1024))).toBe(true);
		expect(tooManyPixels(new Uint8Array(10))).toBe(false);
	});
});

describe('imageFormat', () => {
	it('recognises every test image by its bytes alone', () => {
		const formats = readdirSync(dir).map((file) => imageFormat(readFileSync(dir + file)));
		expect(formats.sort()).toEqual(['bmp', 'gif', 'jpeg', 'png', 'webp', 'webp']);
		expect(imageFormat(avifHeader(1, 1))).toBe('avif');
		expect(imageFormat(icoWithPng(1, 1))).toBe('ico');
	});
	it('is null for safetensors, text and SVG', () => {
		expect(imageFormat(readFileSync('tests/fixtures/small/ghostnet_w0.25.weights.safetensors'))).toBeNull();
		expect(imageFormat(new TextEncoder().encode('<svg/>'))).toBeNull();
	});
});
