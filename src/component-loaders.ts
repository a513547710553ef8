/**
 * The modules of the components loaded on demand ($lib/viz/deferred.ts says why they are wired here,
 * at the app's edge): given to the pages by hooks.client.ts, and to the component tests by their setup.
 */
import type { ComponentLoaders } from '$lib/viz/deferred';

export const componentLoaders: ComponentLoaders = {
	classifier: () => import('$lib/viz/classifier/Classifier.svelte'),
	timeProfile: () => import('$lib/viz/ghost-live/TimeProfile.svelte'),
	weightManager: () => import('$lib/viz/weights/WeightManager.svelte'),
	compressionCalculator: () => import('$lib/viz/ghost/CompressionCalculator.svelte'),
	reproductionChart: () => import('$lib/viz/ghost/ReproductionChart.svelte'),
	paperAblations: () => import('$lib/viz/ghost/PaperAblations.svelte'),
	ghostBottlenecks: () => import('$lib/viz/ghost/GhostBottlenecks.svelte'),
	ghostNetTable: () => import('$lib/viz/ghost/GhostNetTable.svelte'),
	moduleSavings: () => import('$lib/viz/ghost/ModuleSavings.svelte'),
	imageNetComparison: () => import('$lib/viz/ghost/ImageNetComparison.svelte'),
	ghostEfficientNet: () => import('$lib/viz/ghost/GhostEfficientNet.svelte'),
	gridSearch: () => import('$lib/viz/effnet/GridSearch.svelte'),
	compoundRuns: () => import('$lib/viz/scaling/CompoundRuns.svelte'),
	convCompare: () => import('$lib/viz/effnet/ConvCompare.svelte'),
	mbconvBlock: () => import('$lib/viz/effnet/MbconvBlock.svelte')
};
