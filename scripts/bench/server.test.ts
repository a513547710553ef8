import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from './server.js';

const page = '<!doctype html><p>' + 'a live figure '.repeat(500) + '</p>';
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
	const root = mkdtempSync(join(tmpdir(), 'egn-serve-'));
	writeFileSync(join(root, 'en.html'), page);
	writeFileSync(join(root, 'map.png'), png);
	server = await serve({ '/': root });
});
afterAll(() => server.close());

/** A GET with only the headers given (fetch would add its own Accept-Encoding). */
function get(path: string, headers: Record<string, string> = {}) {
	return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
		request(`${server.url}${path}`, { headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
		})
			.on('error', reject)
			.end();
	});
}

describe('the benchmark server', () => {
	it('gzips text for a browser that accepts it, as static hosts do, and keeps the isolation headers', async () => {
		const { headers, body } = await get('/en', { 'Accept-Encoding': 'gzip, deflate' });
		expect(headers['content-encoding']).toBe('gzip');
		expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
		expect(Number(headers['content-length'])).toBe(body.length);
		expect(body.length).toBeLessThan(page.length / 10);
		expect(gunzipSync(body).toString()).toBe(page);
	});

	it('sends text as it is to a client that does not, and images as they are', async () => {
		const plain = await get('/en');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.toString()).toBe(page);
		const image = await get('/map.png', { 'Accept-Encoding': 'gzip' });
		expect(image.headers['content-encoding']).toBeUndefined();
		expect(image.body.equals(png)).toBe(true);
	});
});
