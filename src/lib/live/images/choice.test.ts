import { describe, expect, it, vi } from 'vitest';
import { sampleChoice, sampleList } from './choice';

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
