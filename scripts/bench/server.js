// Static file server for the benchmark: loopback only, cross-origin isolated (COOP/COEP), so that
// SharedArrayBuffer and wasm threads work for both tfjs and onnxruntime-web. Text files go out gzipped
// to browsers that accept it, as every static host sends them: Lighthouse's mobile simulation turns
// the bytes on the wire into seconds, and read uncompressed pages as three to six times heavier.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.jpg': 'image/jpeg',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.ttf': 'font/ttf',
	'.txt': 'text/plain; charset=utf-8',
	'.tsv': 'text/tab-separated-values; charset=utf-8'
};

/** Content types sent gzipped (text; images, fonts and wasm go as they are). */
const COMPRESSED = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.tsv']);

/** Gzipped files by path, with the modification time they were made from. */
const gzipped = new Map();

/** @param {string} file @param {number} mtimeMs @returns {Buffer} */
function gzipOf(file, mtimeMs) {
	const cached = gzipped.get(file);
	if (cached?.mtimeMs === mtimeMs) return cached.body;
	const body = gzipSync(readFileSync(file));
	gzipped.set(file, { mtimeMs, body });
	return body;
}

export const ISOLATION_HEADERS = {
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'require-corp',
	'Cross-Origin-Resource-Policy': 'same-origin'
};

/** The file a URL path names inside `root`, or null when it escapes the root or does not exist. */
/** @param {string} root @param {string} path */
function resolveFile(root, path) {
	const target = normalize(join(root, decodeURIComponent(path)));
	if (target !== root && !target.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
	for (const candidate of [target, join(target, 'index.html'), target + '.html']) {
		try {
			if (statSync(candidate).isFile()) return candidate;
		} catch {
			// try the next form (SvelteKit prerenders /en as en.html)
		}
	}
	return null;
}

/**
 * Serves `mounts` ({ '/prefix/': directory }, longest prefix first; '/' for the site) on 127.0.0.1.
 * Resolves to { url, close }.
 * @param {Record<string, string>} mounts
 * @returns {Promise<{ url: string, close: () => Promise<unknown> }>}
 */
export function serve(mounts, port = 0) {
	const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
	const server = createServer((req, res) => {
		const path = new URL(req.url ?? '/', 'http://localhost').pathname;
		const prefix = prefixes.find((p) => path.startsWith(p));
		const file = prefix ? resolveFile(normalize(mounts[prefix]), path.slice(prefix.length)) : null;
		if (!file) {
			res.writeHead(404, ISOLATION_HEADERS).end('not found');
			return;
		}
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		const { size, mtimeMs } = statSync(file);
		/** @type {Record<string, string | number>} */
		const headers = { ...ISOLATION_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-cache' };
		if (COMPRESSED.has(extname(file))) {
			headers.Vary = 'Accept-Encoding';
			if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
				const body = gzipOf(file, mtimeMs);
				res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
				res.end(req.method === 'HEAD' ? undefined : body);
				return;
			}
		}
		res.writeHead(200, { ...headers, 'Content-Length': size });
		if (req.method === 'HEAD') res.end();
		else createReadStream(file).pipe(res);
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			const address = server.address();
			const actual = typeof address === 'object' && address ? address.port : port;
			resolve({
				url: `http://127.0.0.1:${actual}`,
				close: () => new Promise((done) => server.close(() => done(undefined)))
			});
		});
	});
}
