import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { contentPlugin } from './src/lib/content/content-plugin';

// Cross-origin isolation lets the tfjs wasm backend use threads (SharedArrayBuffer).
const isolationHeaders = {
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'require-corp'
};

export default defineConfig({
	plugins: [contentPlugin(), sveltekit(), svelteTesting()],
	server: { headers: isolationHeaders, fs: { allow: ['content'] } },
	preview: { headers: isolationHeaders },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		// Component tests opt into jsdom with a `// @vitest-environment jsdom` line.
		environment: 'node',
		setupFiles: ['./vitest-setup.ts'],
		testTimeout: 60_000
	}
});
