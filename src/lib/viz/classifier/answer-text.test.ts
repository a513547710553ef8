import { describe, expect, it } from 'vitest';
import { announcement, fitText, misfitReasons, topOnes } from './answer-text';

const runs = [
	{ model: 'EfficientNet-B0 (w 0.5)', label: 'Bag', probability: 0.99 },
	{ model: 'GhostNet 0.5×', label: 'Sandal', probability: 0.4567 }
];

describe('announcement', () => {
	it('gives both networks’ top-1 class and confidence, in each language', () => {
		expect(announcement(runs, [], 'en')).toBe(
			'EfficientNet-B0 (w 0.5): Bag, 99.0%. GhostNet 0.5×: Sandal, 45.7%.'
		);
		expect(announcement(runs, [], 'zh')).toBe(
			'EfficientNet-B0 (w 0.5)：Bag，99.0%。GhostNet 0.5×：Sandal，45.7%。'
		);
	});
	it('adds that the image does not suit the models when it does not', () => {
		expect(announcement(runs, ['colour'], 'en')).toMatch(
			/45\.7%\. This image does not look like Fashion-MNIST/
		);
		expect(announcement(runs, ['background'], 'zh')).toMatch(/不像 Fashion-MNIST/);
	});
});

describe('topOnes', () => {
	it('names each run’s network and top-1 class, a class number when the table lacks it', () => {
		const models = [
			{ id: 'a', name: 'Net A' },
			{ id: 'b', name: 'Net B' }
		];
		const runs = [
			{
				modelId: 'a',
				top: [
					{ index: 1, probability: 0.5 },
					{ index: 0, probability: 0.2 }
				]
			},
			{ modelId: 'b', top: [{ index: 7, probability: 0.9 }] },
			{ modelId: 'c', top: [] }
		];
		expect(topOnes(runs, models, ['zero', 'one'])).toEqual([
			{ model: 'Net A', label: 'one', probability: 0.5 },
			{ model: 'Net B', label: '#7', probability: 0.9 }
		]);
	});
});

describe('misfitReasons', () => {
	it('names every reason in order, in each language, and nothing for none', () => {
		expect(misfitReasons(['colour', 'brightness'], 'en')).toBe(
			`${fitText.en.reasons.colour}; ${fitText.en.reasons.brightness}`
		);
		expect(misfitReasons(['background'], 'zh')).toBe(fitText.zh.reasons.background);
		expect(misfitReasons([], 'en')).toBe('');
	});
	it('has a text for every reason in both languages', () => {
		for (const lang of ['en', 'zh'] as const)
			for (const m of ['colour', 'background', 'brightness'] as const)
				expect(fitText[lang].reasons[m]).not.toBe('');
	});
});
