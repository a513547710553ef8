/** The deferred components' modules (see deferred.ts: imported by src/hooks.client.ts only). */
import type { ComponentLoaders } from './deferred';

export const componentLoaders: ComponentLoaders = {
	classifier: () => import('./classifier/Classifier.svelte'),
	timeProfile: () => import('./ghost-live/TimeProfile.svelte'),
	weightManager: () => import('./weights/WeightManager.svelte')
};
