import { spawn, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';

const PORT = Number(process.env.E2E_PORT ?? 4179);

let server: ChildProcess | undefined;

/** Starts `vite preview` on the production build and hands its URL to the tests. */
export async function setup(project: TestProject) {
	server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
		stdio: ['ignore', 'pipe', 'inherit'],
		detached: true
	});
	const base = `http://127.0.0.1:${PORT}`;
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		try {
			if ((await fetch(base + '/')).ok) break;
		} catch {
			await new Promise((r) => setTimeout(r, 250));
		}
	}
	project.provide('baseURL', base);
}

export async function teardown() {
	if (server?.pid) process.kill(-server.pid, 'SIGTERM');
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
	}
}
