import { describe, expect, it } from 'vitest';
import { imageProblemMessage, type ImageProblem } from './messages';

const problems: ImageProblem[] = [
	'not-an-image',
	'too-large',
	'too-many-pixels',
	'nothing-found',
	'decode-failed',
	'empty-image',
	'cross-origin',
	'no-canvas',
	'camera-denied',
	'camera-missing',
	'camera-busy',
	'camera-unsupported',
	'classify-failed'
];

describe('imageProblemMessage', () => {
	it('says something different for every problem, in both languages', () => {
		for (const lang of ['zh', 'en'] as const) {
			const texts = problems.map((p) => imageProblemMessage(p, lang));
			expect(new Set(texts).size).toBe(problems.length);
		}
	});
	it('states the size limit', () => {
		expect(imageProblemMessage('too-large', 'en')).toContain('40 MB');
		expect(imageProblemMessage('too-large', 'zh')).toContain('40 MB');
		expect(imageProblemMessage('too-many-pixels', 'en')).toContain('100 megapixels');
	});
});
