import { describe, expect, it } from 'vitest';
import { imagenetSet, parseFmnistManifest } from '$lib/live/models';
import { originLine } from './origin';

const [efficient, ghost] = imagenetSet().models;

describe('originLine', () => {
	it('names the model, data set, repo, host, size and the cache', () => {
		const origin = {
			kind: 'hub' as const,
			url: 'https://huggingface.co/timm/efficientnet_b0.ra_in1k/resolve/main/model.safetensors',
			fileName: null,
			bytes: 21_400_000,
			fromCache: true
		};
		expect(originLine(efficient, origin, 'en')).toBe(
			'EfficientNet-B0 · ImageNet-1k · timm/efficientnet_b0.ra_in1k from huggingface.co (Hugging Face hub layout) · 21.4 MB · from the browser cache'
		);
		expect(originLine(efficient, origin, 'zh')).toContain('读自浏览器缓存');
		expect(originLine(efficient, origin, 'en', false)).toMatch(/^ImageNet-1k · timm\/efficientnet_b0/);
	});

	it('names a picked file and a self-hosted URL', () => {
		const file = {
			kind: 'file' as const,
			url: null,
			fileName: 'g.safetensors',
			bytes: 900,
			fromCache: false
		};
		expect(originLine(ghost, file, 'en')).toBe(
			'GhostNet 1.0× · ImageNet-1k · your file g.safetensors · 900 B'
		);
		const own = {
			kind: 'static' as const,
			url: '/weights/x.safetensors',
			fileName: null,
			bytes: 2e7,
			fromCache: false
		};
		expect(originLine(ghost, own, 'zh')).toContain('本站自托管文件 /weights/x.safetensors');
	});

	it('gives the test accuracy of a bundled Fashion-MNIST model', () => {
		const set = parseFmnistManifest({
			models: ['ghostnet', 'efficientnet'].map((family) => ({
				id: family,
				file: `${family}.safetensors`,
				bytes: 1_200_000,
				family,
				spec: { width: 0.5, depth: 1, numClasses: 10, resolution: 32 },
				testAccuracy: 0.9123,
				testImages: 10000,
				preprocessing: { resolution: 32, cropPct: 1, mean: [0, 0, 0], std: [1, 1, 1] }
			}))
		});
		const origin = {
			kind: 'bundled' as const,
			url: '/weights/g',
			fileName: null,
			bytes: 1_200_000,
			fromCache: false
		};
		expect(originLine(set.models[1], origin, 'en')).toBe(
			'GhostNet 0.5× · Fashion-MNIST · bundled with this site, trained by us (91.2% test accuracy) · 1.2 MB'
		);
	});
});
