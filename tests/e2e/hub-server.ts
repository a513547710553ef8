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
 *
 * Every response allows any origin (CORS), as the hub does. The fixtures are read from
 * `../shared/fixtures/timm/` relative to the repository root, where CI has them.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/timm/', import.meta.url));

/** Hub repository → fixture file stem. */
export const HUB_REPOS: Record<string, string> = {
	'timm/efficientnet_b0.ra_in1k': 'efficientnet_b0',
	'timm/ghostnet_100.in1k': 'ghostnet_100'
};

export type HubMode = 'ok' | 'slow' | 'missing' | 'truncated' | 'html' | 'swapped';

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

const PATH = /^\/(ok|slow|missing|truncated|html|swapped)\/(.+)\/resolve\/main\/model\.safetensors$/;

function send(response: ServerResponse, status: number, type: string, body: Uint8Array | string) {
	response.writeHead(status, {
		'content-type': type,
		'content-length': String(Buffer.byteLength(body)),
		'access-control-allow-origin': '*'
	});
	response.end(body);
}

async function sendSlowly(response: ServerResponse, body: Uint8Array) {
	response.writeHead(200, {
		'content-type': 'application/octet-stream',
		'content-length': String(body.length),
		'access-control-allow-origin': '*'
	});
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

	function handle(request: IncomingMessage, response: ServerResponse) {
		const match = PATH.exec(new URL(request.url ?? '/', 'http://x').pathname);
		const body = match ? files.get(match[2]) : undefined;
		if (!match || !body) return send(response, 404, 'text/plain', 'Entry not found');
		const [, mode, repo] = match;
		requests.push(`${mode}/${repo}`);
		switch (mode as HubMode) {
			case 'ok':
				return send(response, 200, 'application/octet-stream', body);
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
