import type { ClientInit } from '@sveltejs/kit';
import { provideLoaders } from '$lib/viz/deferred';
import { componentLoaders } from './component-loaders';

/**
 * The components loaded when needed get their loaders here (see $lib/viz/deferred.ts for why).
 * On the classify page the networks are the page: their runtime (worker, tfjs, weights) starts as the
 * app starts, before the page hydrates. Imported on that page only, so other pages do not load it.
 */
export const init: ClientInit = () => {
	provideLoaders(componentLoaders);
	if (/^\/(en|zh)\/classify\/?$/.test(location.pathname))
		void import('$lib/live/session.svelte').then(({ networks }) => networks().start());
};
