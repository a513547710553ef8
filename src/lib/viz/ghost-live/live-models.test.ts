import { describe, expect, it } from 'vitest';
import { imagenetSet, parseFmnistManifest } from '$lib/viz/classifier/models';
import { defaultModel, liveModels, type ModelSource, type SlotStatus } from './live-models';

const manifest = {
	models: ['ghostnet', 'efficientnet'].map((family) => ({
		id: `fmnist-${family}`,
		file: `fmnist-${family}.safetensors`,
		bytes: 1000,
		family,
		spec:
			family === 'ghostnet'
				? { width: 0.5, numClasses: 10, resolution: 32 }
				: { width: 0.5, depth: 1, numClasses: 10, resolution: 32 },
		testAccuracy: 0.9,
		testImages: 10000,
		preprocessing: { resolution: 32, cropPct: 1, mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] }
	}))
};

function source(statuses: Record<string, SlotStatus>, active: ModelSource['active'] = null, fmnist = true) {
	const slots = Object.fromEntries(Object.entries(statuses).map(([id, status]) => [id, { status }]));
	return { imagenet: imagenetSet(), fmnist: fmnist ? parseFmnistManifest(manifest) : null, active, slots };
}

describe('liveModels', () => {
	it('lists the GhostNet of each set, offline set first, with its status and preprocessing', () => {
		const models = liveModels(source({ 'fmnist-ghostnet': 'ready' }), 'ghostnet');
		expect(models.map((m) => [m.info.id, m.dataset, m.status])).toEqual([
			['fmnist-ghostnet', 'fmnist', 'ready'],
			['ghostnet_100.in1k', 'imagenet', 'empty']
		]);
		expect(models[0].preprocess.crop).toBe(32);
		expect(models[1].preprocess.crop).toBe(224);
		expect(models[0].info.spec.config).toMatchObject({ width: 0.5 });
	});
	it('lists the EfficientNets too, and only ImageNet before the manifest arrives', () => {
		expect(liveModels(source({}), 'efficientnet').map((m) => m.info.id)).toEqual([
			'fmnist-efficientnet',
			'efficientnet_b0.ra_in1k'
		]);
		expect(liveModels(source({}, null, false), 'ghostnet').map((m) => m.info.id)).toEqual([
			'ghostnet_100.in1k'
		]);
	});
});

describe('defaultModel', () => {
	it('prefers the ready model of the active set', () => {
		const s = source({ 'fmnist-ghostnet': 'ready', 'ghostnet_100.in1k': 'ready' }, 'imagenet');
		expect(defaultModel(liveModels(s, 'ghostnet'), s.active)?.info.id).toBe('ghostnet_100.in1k');
	});
	it('falls back to any ready model, then to the offline one', () => {
		const s = source({ 'ghostnet_100.in1k': 'ready' }, 'fmnist');
		expect(defaultModel(liveModels(s, 'ghostnet'), s.active)?.info.id).toBe('ghostnet_100.in1k');
		const none = source({});
		expect(defaultModel(liveModels(none, 'ghostnet'), null)?.info.id).toBe('fmnist-ghostnet');
		expect(defaultModel([], null)).toBeNull();
	});
});
