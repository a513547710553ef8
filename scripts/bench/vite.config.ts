// Vite config of the benchmark page only (scripts/bench/page): not part of the site's build.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** Where `npm run bench` writes the page bundle (git-ignored through node_modules/). */
export const BENCH_PAGE_OUT = fromRoot('node_modules/.cache/bench-page');

/**
 * `$baseline/…`: src/lib/nets as of another commit (extracted by run.js when BENCH_BASELINE is set),
 * so that "before" and "after" run in the same page; without it, the current tree.
 */
const baselineNets = process.env.BENCH_BASELINE_DIR ?? fromRoot('src/lib/nets');

export default defineConfig({
	root: fileURLToPath(new URL('./page', import.meta.url)),
	base: '/bench/',
	logLevel: 'warn',
	resolve: {
		alias: [
			{ find: '$lib', replacement: fromRoot('src/lib') },
			{ find: '$baseline', replacement: baselineNets },
			{ find: /^@tensorflow\/tfjs$/, replacement: fromRoot('scripts/bench/page/tfjs-umbrella.ts') },
			// The build that loads its glue script and wasm binary from env.wasm.wasmPaths (see peer.ts).
			{ find: /^onnxruntime-web$/, replacement: fromRoot('node_modules/onnxruntime-web/dist/ort.wasm.min.mjs') }
		]
	},
	// The site's live runtime worker (src/lib/live/worker.ts) loads tfjs with dynamic imports.
	worker: { format: 'es' },
	build: {
		outDir: BENCH_PAGE_OUT,
		emptyOutDir: true,
		target: 'es2022',
		chunkSizeWarningLimit: 10_000,
		reportCompressedSize: false
	}
});
