import { describe, expect, it } from 'vitest';
import {
	ManifestError,
	hubUrl,
	imagenetModel,
	imagenetSet,
	labelUrl,
	parseFmnistManifest,
	staticUrl
} from './models';

const entry = (family: string, spec: object) => ({
	id: `fmnist-${family}`,
	file: `fmnist-${family}.safetensors`,
	bytes: 1_000_000,
	family,
	spec,
	testAccuracy: 0.91,
	testImages: 10000,
	preprocessing: {
		resolution: 32,
		pad: 2,
		cropPct: 1.0,
		mean: [0.485, 0.456, 0.406],
		std: [0.229, 0.224, 0.225]
	}
});
const manifest = () => ({
	models: [
		entry('ghostnet', { width: 0.5, numClasses: 10, resolution: 32 }),
		entry('efficientnet', { width: 0.5, depth: 1, numClasses: 10, resolution: 32 })
	]
});

describe('imagenetSet', () => {
	it('runs EfficientNet-B0 then GhostNet 1.0× on timm eval input (resize 256, crop 224)', () => {
		const set = imagenetSet();
		expect(set.models.map((m) => m.name.en)).toEqual(['EfficientNet-B0', 'GhostNet 1.0×']);
		expect(set.models.map((m) => m.name.zh)).toEqual(['EfficientNet-B0', 'GhostNet 1.0×']);
		expect(set.preprocess).toMatchObject({ resizeShorter: 256, crop: 224, color: 'rgb' });
		expect(set.preprocess.padSmaller).toBeFalsy();
		expect(set.numClasses).toBe(1000);
	});
	it('takes params from the cost model: timm exact counts (facts.md B: 5,288,548 and 5,182,508)', () => {
		const [efficient, ghost] = imagenetSet().models;
		expect(efficient.params).toBe(5_288_548);
		expect(ghost.params).toBe(5_182_508);
		expect(efficient.macs).toBeGreaterThan(ghost.macs);
	});
});

describe('parseFmnistManifest', () => {
	it('orders EfficientNet first whatever the file order, and reads the shared preprocessing', () => {
		const set = parseFmnistManifest(manifest());
		expect(set.models.map((m) => m.family)).toEqual(['efficientnet', 'ghostnet']);
		expect(set.models[1].name).toEqual({ en: 'GhostNet 0.5×', zh: 'GhostNet 0.5×' });
		// The EfficientNet's width is said in each language.
		expect(set.models[0].name).toEqual({
			en: 'EfficientNet-B0 (width 0.5)',
			zh: 'EfficientNet-B0（宽度 0.5）'
		});
		expect(set.preprocess).toMatchObject({ resizeShorter: 32, crop: 32, color: 'gray', padSmaller: true });
		expect(set.models[0].weights).toMatchObject({
			kind: 'bundled',
			file: 'fmnist-efficientnet.safetensors',
			testAccuracy: 0.91
		});
	});
	it('refuses a missing model, a path in the file name and a wrong class count', () => {
		expect(() => parseFmnistManifest({ models: [manifest().models[0]] })).toThrow(ManifestError);
		const escaping = manifest();
		escaping.models[0].file = '../../evil.safetensors';
		expect(() => parseFmnistManifest(escaping)).toThrow(/file/);
		const wrong = manifest();
		wrong.models[0].spec = { width: 0.5, numClasses: 1000, resolution: 32 };
		expect(() => parseFmnistManifest(wrong)).toThrow(/10 classes/);
		expect(() => parseFmnistManifest('nope')).toThrow(ManifestError);
	});
});

describe('weight URLs', () => {
	it('lays hub, mirror and self-hosted URLs out as the hub and static/weights do', () => {
		const { weights } = imagenetModel('ghostnet_100.in1k');
		if (weights.kind !== 'hub') throw new Error('a hub checkpoint');
		expect(hubUrl(weights, 'https://huggingface.co')).toBe(
			'https://huggingface.co/timm/ghostnet_100.in1k/resolve/main/model.safetensors'
		);
		expect(hubUrl(weights, 'http://127.0.0.1:8000/mirror/')).toBe(
			'http://127.0.0.1:8000/mirror/timm/ghostnet_100.in1k/resolve/main/model.safetensors'
		);
		expect(staticUrl(weights, '/weights/')).toBe('/weights/ghostnet_100.in1k.safetensors');
		const bundled = parseFmnistManifest(manifest()).models[1].weights;
		expect(staticUrl(bundled, '/weights')).toBe('/weights/fmnist-ghostnet.safetensors');
	});
});

describe('labelUrl', () => {
	it('points at the static label tables', () => {
		expect(labelUrl('imagenet-1k', 'zh')).toBe('/labels/imagenet-1k.zh.json');
		expect(labelUrl('fashion-mnist', 'en')).toBe('/labels/fashion-mnist.en.json');
	});
});
