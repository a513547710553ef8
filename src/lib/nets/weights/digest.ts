/**
 * SHA-256 of a checkpoint (Web Crypto, in pages, workers and Node ≥ 20), and the hash a server
 * publishes for it. The Hugging Face hub serves model files through Git LFS, whose object id is the
 * file's SHA-256: it sends it as `X-Linked-Etag` on the resolve response and as the strong `ETag` of
 * the LFS object, as a quoted 64-digit hex string. Any other ETag (a weak one, an MD5, a revision id)
 * is not a SHA-256 of the bytes and is ignored.
 */

const SHA256_ETAG = /^"?([0-9a-f]{64})"?$/i;

/** The SHA-256 a response publishes for its body (lower-case hex), or null when it publishes none. */
export function publishedSha256(headers: Headers): string | null {
	for (const name of ['x-linked-etag', 'etag']) {
		const match = SHA256_ETAG.exec(headers.get(name)?.trim() ?? '');
		if (match) return match[1].toLowerCase();
	}
	return null;
}

/** Lower-case hex SHA-256 of `bytes`, or null where Web Crypto is missing (an insecure page). */
export async function sha256Hex(bytes: Uint8Array): Promise<string | null> {
	const subtle = globalThis.crypto?.subtle;
	if (!subtle) return null;
	const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
	return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
