import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { contentPlugin } from './src/lib/content/content-plugin';
import { isolationPlugin } from './src/lib/isolation/isolation-plugin';
import { siteOrigin } from './src/lib/site/origin';

export default defineConfig({
	// isolationPlugin: COOP/COEP headers in dev and preview, a service worker for static hosts.
	plugins: [contentPlugin(), isolationPlugin(), sveltekit(), svelteTesting()],
	server: { fs: { allow: ['content'] } },
	// The public origin of absolute URLs (canonical, hreflang, Open Graph): src/lib/site/origin.ts.
	define: { __SITE_ORIGIN__: JSON.stringify(siteOrigin(process.env.SITE_ORIGIN)) },
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
