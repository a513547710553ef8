/**
 * A local stand-in for the Hugging Face hub, for the classifier's browser tests (no internet): it lays
 * the fixture checkpoints out as the hub does, `<base>/<repo>/resolve/main/model.safetensors`, under
 * a first path segment that chooses how the server behaves:
 *
 *   /ok/…         the real fixture files (random weights with timm's exact keys and shapes)
 *   /slow/…       the same, sent in small chunks with pauses (to watch the progress bar and cancel)
 *   /missing/…    404
 *   /truncated/…  the first half of the file, as a complete response (Content-Length of the half)
 *   /html/…       an HTML page with status 200 (what a login or captive portal sends)
 *   /swapped/…    the other network's file (a wrong model)
 *   /nan/…        the file with one NaN in classifier.bias
 *   /counter/…    the file with a BatchNorm counter declared as 3 GB (sent: the real bytes, with their
 *                 Content-Length)
 *   /bad-hash/…   the file, published with another file's SHA-256 (X-Linked-Etag)
 *   /stall-headers/…  the first request per repo gets no response at all; later ones the file
 *   /stall-body/…     the first request per repo gets the headers and 1 MB, then nothing; later ones
 *                     the file
 *
 * Files sent whole ('ok', 'slow', 'nan', 'counter') publish their SHA-256 as the hub does
 * (`X-Linked-Etag`, exposed to the page by CORS).
 *
 * Every response allows any origin (CORS), as the hub does. The fixtures are read from
 * `../shared/fixtures/timm/` relative to the repository root, where CI has them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { withDeclaredCounter, withNaN } from './bad-files';

const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/timm/', import.meta.url));

/** Hub repository → fixture file stem. */
export const HUB_REPOS: Record<string, string> = {
	'timm/efficientnet_b0.ra_in1k': 'efficientnet_b0',
	'timm/ghostnet_100.in1k': 'ghostnet_100'
};

export type HubMode =
	| 'ok'
	| 'slow'
	| 'missing'
	| 'truncated'
	| 'html'
	| 'swapped'
	| 'nan'
	| 'counter'
	| 'bad-hash'
	| 'stall-headers'
	| 'stall-body';

/** A counter of both networks' first BatchNorm, declared as 3 GB in the 'counter' mode. */
const COUNTER = 'bn1.num_batches_tracked';

export function fixturePath(stem: string): string {
	return `${FIXTURES}${stem}.weights.safetensors`;
}

export interface HubServer {
	/** `http://127.0.0.1:<port>/<mode>`: the base URL to give the site. */
	base(mode: HubMode): string;
	/** Model-file requests received so far, as `<mode>/<repo>`. */
	requests: string[];
	close(): Promise<void>;
}

const PATH =
	/^\/(ok|slow|missing|truncated|html|swapped|nan|counter|bad-hash|stall-headers|stall-body)\/(.+)\/resolve\/main\/model\.safetensors$/;

const sha256 = (body: Uint8Array) => createHash('sha256').update(body).digest('hex');

/** The hub's headers for a file: its size, CORS, and its LFS SHA-256 when given. */
function fileHeaders(body: Uint8Array, hash: string | null = sha256(body)) {
	return {
		'content-type': 'application/octet-stream',
		'content-length': String(body.length),
		'access-control-allow-origin': '*',
		'access-control-expose-headers': 'x-linked-etag, etag',
		...(hash ? { 'x-linked-etag': `"${hash}"` } : {})
	};
}

function send(response: ServerResponse, status: number, type: string, body: Uint8Array | string) {
	response.writeHead(status, {
		'content-type': type,
		'content-length': String(Buffer.byteLength(body)),
		'access-control-allow-origin': '*'
	});
	response.end(body);
}

function sendFile(response: ServerResponse, body: Uint8Array, hash?: string) {
	response.writeHead(200, fileHeaders(body, hash));
	response.end(body);
}

async function sendSlowly(response: ServerResponse, body: Uint8Array) {
	response.writeHead(200, fileHeaders(body));
	const chunk = 256 * 1024;
	for (let at = 0; at < body.length && !response.destroyed; at += chunk) {
		response.write(body.subarray(at, at + chunk));
		await new Promise((resolve) => setTimeout(resolve, 60));
	}
	response.end();
}

export async function startHubServer(): Promise<HubServer> {
	const files = new Map(
		Object.entries(HUB_REPOS).map(([repo, stem]) => [repo, readFileSync(fixturePath(stem))])
	);
	const other = (repo: string) => [...files.keys()].find((r) => r !== repo) as string;
	const requests: string[] = [];
	const made = new Map<string, Uint8Array>();
	/** A bad variant of a repo's file, made once. */
	const variant = (key: string, make: () => Uint8Array) =>
		made.get(key) ?? (made.set(key, make()), made.get(key)!);
	const stalled = new Set<string>();
	/** True for the first request of `mode` and `repo` (the one that stalls). */
	const firstOf = (mode: string, repo: string) =>
		!stalled.has(`${mode}/${repo}`) && !!stalled.add(`${mode}/${repo}`);

	function handle(request: IncomingMessage, response: ServerResponse) {
		const match = PATH.exec(new URL(request.url ?? '/', 'http://x').pathname);
		const body = match ? files.get(match[2]) : undefined;
		if (!match || !body) return send(response, 404, 'text/plain', 'Entry not found');
		const [, mode, repo] = match;
		requests.push(`${mode}/${repo}`);
		switch (mode as HubMode) {
			case 'ok':
				return sendFile(response, body);
			case 'slow':
				return void sendSlowly(response, body);
			case 'missing':
				return send(response, 404, 'text/plain', 'Entry not found');
			case 'truncated':
				return send(response, 200, 'application/octet-stream', body.subarray(0, body.length >> 1));
			case 'html':
				return send(
					response,
					200,
					'text/html; charset=utf-8',
					'<!doctype html><title>Sign in</title><p>Sign in'
				);
			case 'swapped':
				return send(response, 200, 'application/octet-stream', files.get(other(repo)) as Uint8Array);
			case 'nan':
				return sendFile(
					response,
					variant(`nan/${repo}`, () => withNaN(body))
				);
			case 'counter':
				return sendFile(
					response,
					variant(`counter/${repo}`, () => withDeclaredCounter(body, COUNTER))
				);
			case 'bad-hash':
				return sendFile(response, body, sha256(files.get(other(repo))!));
			case 'stall-headers':
				// No response: the socket stays open until the page gives up (or the server closes).
				if (firstOf(mode, repo)) return;
				return sendFile(response, body);
			case 'stall-body':
				if (!firstOf(mode, repo)) return sendFile(response, body);
				response.writeHead(200, fileHeaders(body));
				return void response.write(body.subarray(0, 1 << 20));
		}
	}

	const server: Server = createServer(handle);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		base: (mode) => `http://127.0.0.1:${port}/${mode}`,
		requests,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

/** A URL on which nothing listens (a port bound then released): "unreachable". */
export async function unreachableBase(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return `http://127.0.0.1:${port}`;
}
