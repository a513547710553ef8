import { describe, expect, it, vi } from 'vitest';
import {
	ISOLATION_HEADERS,
	ISOLATION_WORKER_FILE,
	isolationPlugin,
	isolationWorkerSource
} from './isolation-plugin';

type Handler = (
	request: unknown,
	response: { setHeader: (n: string, v: string) => void; end?: (b: string) => void },
	next: () => void
) => void;

/** The middlewares a hook registers, as [path or null, handler]. */
function middlewaresOf(hook: unknown): [string | null, Handler][] {
	const used: [string | null, Handler][] = [];
	const server = {
		middlewares: {
			use: (a: string | Handler, b?: Handler) => used.push(typeof a === 'string' ? [a, b!] : [null, a])
		}
	};
	(hook as (s: unknown) => void)(server);
	return used;
}

describe('isolationPlugin', () => {
	it('the worker is the coi-serviceworker package file', () => {
		expect(isolationWorkerSource()).toMatch(/^\/\*! coi-serviceworker v0\.1\.7/);
	});

	it('dev and preview send COOP/COEP on every response', () => {
		const plugin = isolationPlugin();
		for (const hook of [plugin.configureServer, plugin.configurePreviewServer]) {
			const [path, handler] = middlewaresOf(hook)[0];
			expect(path).toBeNull();
			const headers: Record<string, string> = {};
			const next = vi.fn();
			handler({}, { setHeader: (n, v) => (headers[n] = v) }, next);
			expect(headers).toEqual(ISOLATION_HEADERS);
			expect(next).toHaveBeenCalledOnce();
		}
	});

	it('dev serves the worker at the site root', () => {
		const [, [path, handler]] = middlewaresOf(isolationPlugin().configureServer);
		expect(path).toBe(`/${ISOLATION_WORKER_FILE}`);
		let body = '';
		handler({}, { setHeader: () => {}, end: (b) => (body = b) }, () => {});
		expect(body).toBe(isolationWorkerSource());
	});

	it('emits the worker into the client build only', () => {
		const generate = isolationPlugin().generateBundle as (this: unknown) => void;
		for (const consumer of ['client', 'server']) {
			const emitFile = vi.fn();
			generate.call({ environment: { config: { consumer } }, emitFile });
			expect(emitFile.mock.calls).toEqual(
				consumer === 'client'
					? [[{ type: 'asset', fileName: ISOLATION_WORKER_FILE, source: isolationWorkerSource() }]]
					: []
			);
		}
	});
});
