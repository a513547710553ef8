/**
 * Figures that are rendered on the server with the page but hydrated only when the reader comes near
 * them (Island.svelte): their HTML, styles included, is in the page from the start, and their
 * JavaScript loads later, so that an article's first seconds do not carry it.
 *
 * On the server each figure is rendered into the page by a renderer that `src/hooks.server.ts`
 * provides; in the browser its module comes through `loaderOf` (deferred.ts), from
 * `src/hooks.client.ts`. Neither reaches the pages' own imports, so SvelteKit's stylesheet walk (see
 * deferred.ts) never meets them; the figures carry their styles in their HTML (compiled with
 * `css: 'injected'`, svelte.config.js).
 */
import type { Language } from '$lib/content/languages';

export const ISLANDS = [
	'compressionCalculator',
	'reproductionChart',
	'paperAblations',
	'ghostBottlenecks',
	'ghostNetTable',
	'moduleSavings',
	'imageNetComparison',
	'ghostEfficientNet',
	'gridSearch',
	'compoundRuns',
	'convCompare',
	'mbconvBlock'
] as const;
export type IslandName = (typeof ISLANDS)[number];

/** What every island takes: the page's language. */
export interface IslandProps {
	lang: Language;
}

/** A figure rendered to HTML: its markup, and the styles it needs in the document's head. */
export interface IslandHtml {
	body: string;
	head: string;
}

export type IslandRenderer = (name: IslandName, props: IslandProps) => IslandHtml;

let renderer: IslandRenderer | null = null;

/** Called once as the server starts (src/hooks.server.ts). */
export function provideIslandRenderer(given: IslandRenderer): void {
	renderer = given;
}

/** The figure's HTML, on the server; null in the browser (and before the server has started). */
export function renderIsland(name: IslandName, props: IslandProps): IslandHtml | null {
	return renderer ? renderer(name, props) : null;
}
