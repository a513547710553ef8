import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import remarkMath from 'remark-math';
import rehypeKatexSvelte from 'rehype-katex-svelte';
import remarkHeadings from './src/lib/content/remark-headings.js';
import { fileURLToPath } from 'node:url';

const articleLayout = fileURLToPath(new URL('./src/lib/content/ArticleLayout.svelte', import.meta.url));

/** @type {import('mdsvex').MdsvexOptions} */
const mdsvexOptions = {
	extensions: ['.md'],
	layout: { _: articleLayout },
	layoutPropForwarding: 'runes',
	// mdsvex runs on unified 9: remark-math 3 is the last release that plugs into it, and
	// rehype-katex-svelte escapes KaTeX's braces so Svelte does not read them as expressions.
	remarkPlugins: [remarkMath, remarkHeadings],
	rehypePlugins: [[rehypeKatexSvelte, { throwOnError: true, strict: 'warn' }]]
};

/** mdsvex 0.12 writes the front matter's module script as `<script context="module">`, which Svelte 5 deprecates. */
const moduleScript = {
	name: 'mdsvex-module-script',
	/** @param {{ content: string, filename?: string }} file */
	markup: ({ content, filename }) =>
		filename?.endsWith('.md')
			? { code: content.replace('<script context="module">', '<script module>') }
			: undefined
};

/**
 * The figures hydrated later (src/lib/viz/islands.ts) and every component they render carry their
 * styles with them: on the server into the page's head, in the browser if they mount without server
 * HTML. SvelteKit does not link the stylesheets of modules that only the browser's loaders import.
 * islands.test.ts checks that the list holds every component the islands render.
 */
export const ISLAND_STYLED = [
	'src/lib/viz/chart/',
	...[
		'AblationTable',
		'AssumptionNotes',
		'BottleneckDiagram',
		'CompressionCalculator',
		'GhostBottlenecks',
		'GhostEffChart',
		'GhostEffTotals',
		'GhostEfficientNet',
		'GhostNetTable',
		'ImageNetComparison',
		'ImageNetTable',
		'ModuleSavings',
		'NetComparison',
		'PaperAblations',
		'ParameterSlider',
		'ReproductionChart',
		'ReproductionMarks',
		'ReproductionPanel',
		'ReproductionTable',
		'SpeedupChart',
		'StageBars'
	].map((name) => `src/lib/viz/ghost/${name}.svelte`),
	...['CompoundRuns', 'CompoundRunsTable', 'Legend', 'RangeBars', 'StageTable', 'TexMath'].map(
		(name) => `src/lib/viz/scaling/${name}.svelte`
	),
	...['ActivationPlot', 'ConvCompare', 'ConvDiagram', 'GridSearch', 'MbconvBlock', 'StepTable'].map(
		(name) => `src/lib/viz/effnet/${name}.svelte`
	)
];

/** @type {import('@sveltejs/kit').Config} */
const config = {
	vitePlugin: {
		dynamicCompileOptions: ({ filename }) =>
			ISLAND_STYLED.some((path) => filename.includes(path)) ? { css: 'injected' } : undefined
	},
	extensions: ['.svelte', '.md'],
	preprocess: [vitePreprocess(), mdsvex(mdsvexOptions), moduleScript],
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ strict: true }),
		alias: { $content: 'content' },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

export default config;
