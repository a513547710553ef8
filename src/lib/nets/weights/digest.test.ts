import { describe, expect, it } from 'vitest';
import { publishedSha256, sha256Hex } from './digest';

const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('sha256Hex', () => {
	it('is the FIPS 180-2 test vector for "abc"', async () => {
		expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(ABC);
	});
});

describe('publishedSha256', () => {
	it.each([
		[{ 'x-linked-etag': `"${ABC}"` }, ABC],
		[{ etag: `"${ABC.toUpperCase()}"` }, ABC],
		[{ etag: ABC }, ABC],
		[{ 'x-linked-etag': `"${ABC}"`, etag: '"abc"' }, ABC],
		[{ etag: `W/"${ABC}"` }, null],
		[{ etag: '"5d41402abc4b2a76b9719d911017c592"' }, null],
		[{}, null]
	])('%j → %s', (headers, expected) => {
		expect(publishedSha256(new Headers(headers))).toBe(expected);
	});
});
