import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { imagePixelSize } from './image-size';

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

	it('is null for other bytes and for a header cut before the size', () => {
		expect(imagePixelSize(new TextEncoder().encode('<!doctype html>'))).toBeNull();
		expect(imagePixelSize(readFileSync(dir + '37x23-exif.jpg').subarray(0, 1000))).toBeNull();
		expect(imagePixelSize(new Uint8Array(0))).toBeNull();
	});
});
