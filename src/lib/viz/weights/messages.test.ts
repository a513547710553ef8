import { describe, expect, it } from 'vitest';
import { languages } from '$lib/content/languages';
import { WEIGHTS_ERROR_CODES } from '$lib/nets';
import type { WeightFailure } from '$lib/live/weight-errors';
import { weightErrorMessage } from './messages';

const failure = (code: WeightFailure['code']): WeightFailure => ({
	code,
	url: 'http://127.0.0.1:9/timm/x/resolve/main/model.safetensors',
	status: 404,
	detail: 'detail'
});

describe('weightErrorMessage', () => {
	it('has a distinct message for every source error code and for build failures, in both languages', () => {
		for (const lang of languages) {
			const texts = [...WEIGHTS_ERROR_CODES, 'build-failed' as const].map((code) =>
				weightErrorMessage(failure(code), 'GhostNet 1.0×', lang)
			);
			expect(new Set(texts).size).toBe(texts.length);
			for (const text of texts) expect(text.length).toBeGreaterThan(5);
		}
	});
	it('names the URL for a 404, the host for a network failure, the model for a wrong file', () => {
		expect(weightErrorMessage(failure('not-found'), 'm', 'en')).toContain(
			'/timm/x/resolve/main/model.safetensors'
		);
		expect(weightErrorMessage(failure('cors-or-network'), 'm', 'zh')).toContain('127.0.0.1:9');
		expect(weightErrorMessage(failure('wrong-model'), 'EfficientNet-B0', 'en')).toContain('EfficientNet-B0');
	});
	it('says what is wrong with a valid file we cannot use, not that it is no safetensors file', () => {
		expect(weightErrorMessage(failure('unsupported-dtype'), 'm', 'en')).toMatch(/number type.*F32/);
		expect(weightErrorMessage(failure('no-tensors'), 'm', 'en')).toMatch(/no tensors/);
		expect(weightErrorMessage(failure('exceeds-file'), 'm', 'en')).toMatch(
			/declares more bytes than the file has/
		);
		expect(weightErrorMessage(failure('non-finite'), 'm', 'zh')).toMatch(/NaN/);
	});
	it('gives the stall timeout in seconds, in both languages', () => {
		expect(weightErrorMessage(failure('stalled'), 'm', 'en')).toContain('30 seconds');
		expect(weightErrorMessage(failure('stalled'), 'm', 'zh')).toContain('30 秒');
	});
});
