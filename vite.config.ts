import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { contentPlugin } from './src/lib/content/content-plugin';
import { isolationPlugin } from './src/lib/isolation/isolation-plugin';

export default defineConfig({
	// isolationPlugin: COOP/COEP headers in dev and preview, a service worker for static hosts.
	plugins: [contentPlugin(), isolationPlugin(), sveltekit(), svelteTesting()],
	server: { fs: { allow: ['content'] } },
	// The live runtime's worker (src/lib/live/worker.ts) loads its host and tfjs with dynamic imports.
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		// Component tests opt into jsdom with a `// @vitest-environment jsdom` line.
		environment: 'node',
		setupFiles: ['./vitest-setup.ts'],
		testTimeout: 60_000
	}
});
