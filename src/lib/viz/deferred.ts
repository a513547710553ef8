/**
 * Components the pages load only when they are needed: the articles' last live figures as the reader
 * comes near them (Deferred.svelte), the figures rendered on the server but hydrated late (Island.svelte,
 * islands.ts), the weight manager when it is opened (WeightManagerLoader). By
 * name, with the heights the figures usually take (measured on the built articles at 390 and 1280 px
 * of width), which their box holds until the code has loaded.
 *
 * The loaders (`src/component-loaders.ts`) reach this module from `src/hooks.client.ts`, not through the
 * pages' own imports. SvelteKit links in a page's HTML the stylesheets of what the page renders,
 * found by one walk over the pages' imports in which a stylesheet counts once, for the first import
 * that reaches it; a dynamic import met first (another article's deferred figure) claims the ones it
 * shares with what the page renders (the weight notice, the controls, the runtime details), which
 * then arrive late and the page jumps. The app's entry is not part of that walk.
 */
import type { Component } from 'svelte';
import type { IslandName } from './islands';

export type DeferredComponent = 'classifier' | 'timeProfile' | 'weightManager' | IslandName;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each component has its own props
export type ComponentModule = { default: Component<any> };
export type ComponentLoaders = Record<DeferredComponent, () => Promise<ComponentModule>>;

export const deferredReserve = {
	classifier: { narrow: '184rem', wide: '87rem' },
	timeProfile: { narrow: '120rem', wide: '92rem' }
};

let loaders: ComponentLoaders | null = null;

/** Called once as the app starts (src/hooks.client.ts; the component tests' setup). */
export function provideLoaders(given: ComponentLoaders): void {
	loaders = given;
}

/** The loader of a component, looked up when it is called (after the app has started). */
export function loaderOf(name: DeferredComponent): () => Promise<ComponentModule> {
	return () => {
		if (!loaders) return Promise.reject(new Error(`no loader for ${name}: the app has not started`));
		return loaders[name]();
	};
}
