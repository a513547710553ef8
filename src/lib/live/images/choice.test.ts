import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkImage, sampleChoice, sampleList } from './choice';
import { jpegHeader, pngHeader } from './test-files';

function fakeFetch(routes: Record<string, unknown>) {
	return vi.fn(async (url: string) => {
		const body = routes[url];
		if (body === undefined) return new Response('missing', { status: 404 });
		return body instanceof Blob ? new Response(body) : Response.json(body);
	}) as unknown as typeof fetch;
}

describe('sample images', () => {
	it('lists the samples of a data set and fetches one as an image choice', async () => {
		const png = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
		const f = fakeFetch({
			'/samples/fmnist/samples.json': { samples: [{ id: 't10k-0', file: 't10k-00000.png', label: 9 }] },
			'/samples/fmnist/t10k-00000.png': png
		});
		const [first] = await sampleList('fmnist', f);
		expect(first).toMatchObject({ id: 't10k-0', url: '/samples/fmnist/t10k-00000.png', label: 9 });
		const choice = await sampleChoice(first, 'fmnist', 'a test image', f);
		expect(choice).toMatchObject({
			key: 'sample:fmnist:t10k-0',
			dataset: 'fmnist',
			url: first.url,
			label: 'a test image',
			owned: false
		});
		expect(new Uint8Array(await choice.blob.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]));
	});
	it('says what is missing', async () => {
		await expect(sampleList('imagenet', fakeFetch({}))).rejects.toThrow('/samples/samples.json: HTTP 404');
		await expect(
			sampleList('imagenet', fakeFetch({ '/samples/samples.json': { samples: [] } }))
		).rejects.toThrow('no samples');
		const sample = { id: 'x', url: '/samples/x.png', caption: null, label: null };
		await expect(sampleChoice(sample, 'imagenet', 'x', fakeFetch({}))).rejects.toThrow(
			'/samples/x.png: HTTP 404'
		);
	});
});

describe('checkImage', () => {
	const file = (bytes: Uint8Array | string, name: string, type = '') =>
		new File([bytes as BlobPart], name, { type });
	it('refuses a JPEG whose frame header sits after 320 KiB of APP2 segments and announces 256 MP', async () => {
		const far = jpegHeader(16000, 16000, 320 * 1024);
		expect(await checkImage(file(far, 'big.jpg', 'image/jpeg'))).toBe('too-many-pixels');
		expect(await checkImage(file(jpegHeader(4000, 3000, 320 * 1024), 'ok.jpg', 'image/jpeg'))).toBeNull();
	});
	it('sniffs an image with no type and no extension from its bytes', async () => {
		const cat = readFileSync('static/samples/chelsea.jpg');
		expect(await checkImage(file(cat, 'image'))).toBeNull();
		expect(await checkImage(file(pngHeader(20000, 20000), 'image'))).toBe('too-many-pixels');
		expect(await checkImage(file('just some text', 'notes'))).toBe('not-an-image');
		const weights = readFileSync('tests/fixtures/small/ghostnet_w0.25.weights.safetensors');
		expect(await checkImage(file(weights, 'model.safetensors'))).toBe('not-an-image');
	});
	it('refuses SVG before reading it', async () => {
		expect(await checkImage(file('<svg/>', 'a.svg', 'image/svg+xml'))).toBe('svg-unsupported');
	});
});
