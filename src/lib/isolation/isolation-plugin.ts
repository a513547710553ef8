/**
 * Cross-origin isolation: the wasm backend needs SharedArrayBuffer for its threads, and browsers only
 * allow it in a page served with COOP/COEP headers.
 * - `vite dev` and `vite preview`: this plugin adds the headers to every response. (Vite's own
 *   `server.headers` / `preview.headers` do not reach the pages SvelteKit serves or prerendered.)
 * - Static hosts that cannot send headers (GitHub Pages and the like): the coi-serviceworker package
 *   registers a service worker that adds them and reloads the page once; where the headers are already
 *   there it does nothing. This plugin serves its file at the site root in dev and emits it into the
 *   client build; src/app.html loads it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Connect, Plugin } from 'vite';

export const ISOLATION_HEADERS = {
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'require-corp'
} as const;

/** Served at the site root, so that the worker's scope is the whole site. */
export const ISOLATION_WORKER_FILE = 'coi-serviceworker.js';

let workerSource: string | null = null;

/** The package's minified worker, read once. */
export function isolationWorkerSource(): string {
	const require = createRequire(import.meta.url);
	workerSource ??= readFileSync(require.resolve('coi-serviceworker/coi-serviceworker.min.js'), 'utf8');
	return workerSource;
}

const sendIsolationHeaders: Connect.NextHandleFunction = (_request, response, next) => {
	for (const [name, value] of Object.entries(ISOLATION_HEADERS)) response.setHeader(name, value);
	next();
};

export function isolationPlugin(): Plugin {
	return {
		name: 'egn-isolation',
		configureServer(server) {
			server.middlewares.use(sendIsolationHeaders);
			server.middlewares.use(`/${ISOLATION_WORKER_FILE}`, (_request, response) => {
				response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
				response.end(isolationWorkerSource());
			});
		},
		configurePreviewServer(server) {
			server.middlewares.use(sendIsolationHeaders);
		},
		generateBundle() {
			if (this.environment.config.consumer !== 'client') return;
			this.emitFile({ type: 'asset', fileName: ISOLATION_WORKER_FILE, source: isolationWorkerSource() });
		}
	};
}
