import { describe, expect, it, vi } from 'vitest';
import { firstSample } from './sample-image';

function fakeFetch(routes: Record<string, unknown>) {
	return vi.fn(async (url: string) => {
		const body = routes[url];
		if (body === undefined) return new Response('missing', { status: 404 });
		return body instanceof Blob ? new Response(body) : Response.json(body);
	}) as unknown as typeof fetch;
}

describe('firstSample', () => {
	it('fetches the first sample of the data set named in its manifest', async () => {
		const png = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
		const f = fakeFetch({
			'/samples/fmnist/samples.json': { samples: [{ id: 't10k-0', file: 't10k-00000.png', label: 9 }] },
			'/samples/fmnist/t10k-00000.png': png
		});
		const choice = await firstSample('fmnist', f);
		expect(choice.key).toBe('sample:fmnist:t10k-0');
		expect(choice.label).toBe('t10k-0');
		expect(new Uint8Array(await (choice.source as Blob).arrayBuffer())).toEqual(
			new Uint8Array([137, 80, 78, 71])
		);
	});
	it('says what is missing', async () => {
		await expect(firstSample('imagenet', fakeFetch({}))).rejects.toThrow('/samples/samples.json: HTTP 404');
		const empty = fakeFetch({ '/samples/samples.json': { samples: [] } });
		await expect(firstSample('imagenet', empty)).rejects.toThrow('no samples');
	});
});
