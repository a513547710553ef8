import { describe, expect, it, vi } from 'vitest';
import { imagenetEvalConfig, type PreprocessedImage } from '$lib/nets/preprocess';
import { preparedImages } from './prepared-image';

const fake = { input: new Float32Array(3), shape: [1, 1, 1, 3] } as unknown as PreprocessedImage;
const choice = (key: string) => ({ key, source: new Blob(), label: key, dataset: null, url: '' });

describe('preparedImages', () => {
	it('preprocesses an image once per config and again when either changes', async () => {
		const preprocess = vi.fn(async () => fake);
		const prepared = preparedImages(preprocess);
		const a = imagenetEvalConfig(224, 0.875);
		await prepared(choice('cat'), a);
		await prepared(choice('cat'), a);
		expect(preprocess).toHaveBeenCalledTimes(1);
		await prepared(choice('cat'), imagenetEvalConfig(32, 1));
		await prepared(choice('dog'), imagenetEvalConfig(32, 1));
		expect(preprocess).toHaveBeenCalledTimes(3);
	});
	it('does not keep a failure', async () => {
		const preprocess = vi.fn().mockRejectedValueOnce(new Error('decode-failed')).mockResolvedValue(fake);
		const prepared = preparedImages(preprocess);
		const config = imagenetEvalConfig(32, 1);
		await expect(prepared(choice('x'), config)).rejects.toThrow('decode-failed');
		await expect(prepared(choice('x'), config)).resolves.toBe(fake);
	});
});
