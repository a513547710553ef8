import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_MANIFESTS, featuredSamples, parseSamples } from './samples';

describe('parseSamples', () => {
	it('reads the shipped ImageNet manifest: every photo with both captions', () => {
		const json = JSON.parse(readFileSync('static/samples/samples.json', 'utf8'));
		const samples = parseSamples(json, SAMPLE_MANIFESTS.imagenet);
		expect(samples.length).toBe(json.samples.length);
		expect(samples[0].url).toMatch(/^\/samples\/[\w-]+\.jpg$/);
		for (const s of samples) expect(s.caption?.zh && s.caption.en).toBeTruthy();
	});

	it('keeps Fashion-MNIST labels and skips entries that point outside the folder', () => {
		const json = {
			samples: [
				{ id: 7, file: 'test-0007.png', label: 9 },
				{ id: 'x', file: '../../secret.png' },
				{ id: 'y', file: 'https://evil.example/a.png' },
				'junk'
			]
		};
		expect(parseSamples(json, SAMPLE_MANIFESTS.fmnist)).toEqual([
			{ id: '7', url: '/samples/fmnist/test-0007.png', caption: null, label: 9 }
		]);
		expect(parseSamples(null, '/x.json')).toEqual([]);
	});
});

describe('featuredSamples', () => {
	it('takes one shipped Fashion-MNIST test image per class, in manifest order', () => {
		const json = JSON.parse(readFileSync('static/samples/fmnist/samples.json', 'utf8'));
		const all = parseSamples(json, SAMPLE_MANIFESTS.fmnist);
		const featured = featuredSamples(all);
		expect(featured.map((s) => s.label).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(featured[0]).toBe(all[0]);
	});
	it('takes the first ones when samples have no class', () => {
		const photos = [1, 2, 3].map((i) => ({ id: `${i}`, url: `/${i}.jpg`, caption: null, label: null }));
		expect(featuredSamples(photos, 2).map((s) => s.id)).toEqual(['1', '2']);
	});
});
