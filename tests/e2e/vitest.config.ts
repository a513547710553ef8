import { defineConfig } from 'vitest/config';

// Browser tests: one production build served by `vite preview`, driven by Debian's Chromium.
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		testTimeout: 120_000,
		hookTimeout: 180_000,
		fileParallelism: false,
		environment: 'node'
	}
});
