/**
 * What both live parts share: the page's network session (created in the browser, started near the
 * viewport), the colours read from CSS variables, the image to run on (the reader's pick, else the
 * first sample of the model's data set), the preprocessing cache, and the "why nothing is drawn yet"
 * message.
 */
import type { Language } from '$lib/content/languages';
import type { NetworkSession } from '$lib/state/networks.svelte';
import type { DatasetId } from '$lib/viz/classifier/models';
import { FALLBACK_STOPS, stopsFromCss, type DivergingStops } from './colour-scale';
import { cssVariable } from './draw';
import type { LiveModel } from './live-models';
import { commonText } from './live-text';
import type { ImageChoice } from './net-runner';
import { preparedImages } from './prepared-image';
import { firstSample } from './sample-image';
import { booted, sessionFor, whenNearViewport } from './session-boot';

/** CSS variables of the outlines that mark the most similar pairs. */
const MARK_VARIABLES = ['--series-3', '--series-4', '--series-5'];

export class LivePart {
	session = $state.raw<NetworkSession | null>(null);
	stops = $state.raw<DivergingStops>(FALLBACK_STOPS);
	focusColour = $state('currentColor');
	markColours = $state<string[]>(['currentColor', 'currentColor', 'currentColor']);
	/** The reader's own image; null until they pick one. */
	picked = $state.raw<ImageChoice | null>(null);
	samples = $state.raw<Partial<Record<DatasetId, ImageChoice>>>({});
	imageError = $state<string | null>(null);
	readonly prepared = preparedImages();

	/** Call from onMount: takes the session and colours, starts the session near the viewport. */
	mount(root: HTMLElement, given: NetworkSession | undefined): () => void {
		const session = sessionFor(given);
		this.session = session;
		const read = (name: string) => cssVariable(root, name);
		this.stops = stopsFromCss(read);
		this.focusColour = read('--focus') || this.focusColour;
		this.markColours = MARK_VARIABLES.map((v, i) => read(v) || this.markColours[i]);
		return whenNearViewport(root, () => void session.start());
	}

	/** The image for a model of `dataset`. */
	picture(dataset: DatasetId | undefined): ImageChoice | null {
		if (this.picked) return this.picked;
		return dataset ? (this.samples[dataset] ?? null) : null;
	}

	/** Fetches the first sample of `dataset` once. */
	ensureSample(dataset: DatasetId) {
		if (this.samples[dataset]) return;
		firstSample(dataset).then(
			(sample) => (this.samples = { ...this.samples, [dataset]: sample }),
			(error: unknown) => (this.imageError = error instanceof Error ? error.message : String(error))
		);
	}

	/** Why the canvas is empty, in the reader's language. */
	placeholder(lang: Language, model: LiveModel | null, runError: string | null): string {
		const c = commonText[lang];
		const session = this.session;
		if (!session || !booted(session)) return c.starting;
		if (session.runtime === 'failed') return c.runtimeFailed(session.runtimeError ?? '');
		const error = runError ?? this.imageError;
		if (error) return c.failed(error);
		if (model && model.status !== 'ready') return c.loadBelow(model.info.name);
		return c.computing;
	}
}
