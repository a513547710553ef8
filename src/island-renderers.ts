/**
 * The server's side of $lib/viz/islands.ts: each island figure rendered to HTML, for
 * hooks.server.ts. Server-only, so the figures' modules stay out of the pages' client imports.
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import type { IslandName, IslandProps, IslandRenderer } from '$lib/viz/islands';
import CompressionCalculator from '$lib/viz/ghost/CompressionCalculator.svelte';
import ReproductionChart from '$lib/viz/ghost/ReproductionChart.svelte';
import PaperAblations from '$lib/viz/ghost/PaperAblations.svelte';
import GhostBottlenecks from '$lib/viz/ghost/GhostBottlenecks.svelte';
import GhostNetTable from '$lib/viz/ghost/GhostNetTable.svelte';
import ModuleSavings from '$lib/viz/ghost/ModuleSavings.svelte';
import ImageNetComparison from '$lib/viz/ghost/ImageNetComparison.svelte';
import GhostEfficientNet from '$lib/viz/ghost/GhostEfficientNet.svelte';
import GridSearch from '$lib/viz/effnet/GridSearch.svelte';
import CompoundRuns from '$lib/viz/scaling/CompoundRuns.svelte';
import ConvCompare from '$lib/viz/effnet/ConvCompare.svelte';
import MbconvBlock from '$lib/viz/effnet/MbconvBlock.svelte';

const components: Record<IslandName, Component<IslandProps>> = {
	compressionCalculator: CompressionCalculator,
	reproductionChart: ReproductionChart,
	paperAblations: PaperAblations,
	ghostBottlenecks: GhostBottlenecks,
	ghostNetTable: GhostNetTable,
	moduleSavings: ModuleSavings,
	imageNetComparison: ImageNetComparison,
	ghostEfficientNet: GhostEfficientNet,
	gridSearch: GridSearch,
	compoundRuns: CompoundRuns,
	convCompare: ConvCompare,
	mbconvBlock: MbconvBlock
};

export const renderIslandHtml: IslandRenderer = (name, props) => {
	// The prefix keeps the figure's $props.id() apart from the page's, as hydration reads them back.
	const { body, head } = render(components[name], { props, idPrefix: name });
	return { body, head };
};
