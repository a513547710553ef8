/**
 * What both live parts share: the page's network session (created in the browser, started when the
 * reader approaches the part or uses it), the colours read from CSS variables, the image to run on
 * (the reader's pick, else the first sample of the model's data set), and the status message saying
 * what the part is waiting for.
 */
import type { Language } from '$lib/content/languages';
import {
	checkImage,
	fileChoice,
	photoChoice,
	release,
	sampleChoice,
	sampleList,
	type ImageChoice
} from '$lib/live/images/choice';
import type { Sample } from '$lib/live/images/samples';
import { waitingFor } from '$lib/live/loading';
import type { DatasetId, ModelDescriptor } from '$lib/live/models';
import type { Family } from '$lib/nets';
import type { NetworkSession } from '$lib/live/session.svelte';
import { FALLBACK_STOPS, stopsFromCss, type DivergingStops } from '$lib/live/compute/colour-scale';
import { imageProblemMessage, type ImageProblem } from '$lib/viz/classifier/messages';
import { waitingText } from '$lib/viz/runtime/waiting-text';
import { cssVariable } from './draw';
import { commonText } from './live-text';
import { IN_VIEW_MARGIN, NEAR_MARGIN, whenReaderArrives } from '../reader-arrival';
import { sessionFor } from './session-boot';

/** CSS variables of the outlines that mark the most similar pairs. */
const MARK_VARIABLES = ['--series-3', '--series-4', '--series-5'];

export class LivePart {
	session = $state.raw<NetworkSession | null>(null);
	stops = $state.raw<DivergingStops>(FALLBACK_STOPS);
	focusColour = $state('currentColor');
	markColours = $state<string[]>(['currentColor', 'currentColor', 'currentColor']);
	/** The reader's pick; null until they pick one. */
	picked = $state.raw<ImageChoice | null>(null);
	/** The first sample of each data set, the image used before the reader picks one. */
	defaults = $state.raw<Partial<Record<DatasetId, ImageChoice>>>({});
	sampleLists = $state.raw<Partial<Record<DatasetId, Sample[]>>>({});
	imageError = $state<string | null>(null);
	/** Why the reader's last pick was refused. */
	problem = $state<ImageProblem | null>(null);
	/** The reader has reached the part (or used it): its weights load and it runs. */
	reached = $state(false);

	/**
	 * Call from onMount: takes the session and colours, starts the session when the reader approaches
	 * (`family`: the network the part shows first, whose weights load first).
	 */
	mount(root: HTMLElement, given: NetworkSession | undefined, family?: Family): () => void {
		const session = sessionFor(given);
		this.session = session;
		this.readColours(root);
		// The colours follow the reader's light/dark setting, which can change while the page is open.
		const scheme = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
		const recolour = () => this.readColours(root);
		scheme?.addEventListener('change', recolour);
		const stopNear = whenReaderArrives(root, () => void session.warm(), NEAR_MARGIN);
		const stop = whenReaderArrives(
			root,
			() => {
				this.reached = true;
				void session.start(family);
				this.ensureSamples('fmnist');
			},
			IN_VIEW_MARGIN
		);
		return () => {
			stopNear();
			stop();
			scheme?.removeEventListener('change', recolour);
		};
	}

	private readColours(root: HTMLElement) {
		const read = (name: string) => cssVariable(root, name);
		this.stops = stopsFromCss(read);
		this.focusColour = read('--focus') || this.focusColour;
		this.markColours = MARK_VARIABLES.map((v, i) => read(v) || this.markColours[i]);
	}

	/** The image for a model of `dataset`: the reader's own, or a sample of that data set. */
	picture(dataset: DatasetId | undefined): ImageChoice | null {
		const picked = this.picked;
		if (picked && (picked.dataset === null || picked.dataset === dataset)) return picked;
		return dataset ? (this.defaults[dataset] ?? null) : null;
	}

	/** Fetches the sample list of `dataset` and its first sample, once. */
	ensureSamples(dataset: DatasetId) {
		if (this.sampleLists[dataset]) return;
		this.sampleLists = { ...this.sampleLists, [dataset]: [] };
		sampleList(dataset)
			.then(async (list) => {
				this.sampleLists = { ...this.sampleLists, [dataset]: list };
				const first = await sampleChoice(list[0], dataset);
				this.defaults = { ...this.defaults, [dataset]: first };
			})
			.catch((error: unknown) => (this.imageError = error instanceof Error ? error.message : String(error)));
	}

	pickSample(sample: Sample, dataset: DatasetId, alt: string) {
		sampleChoice(sample, dataset, alt).then(
			(choice) => this.use(choice),
			() => (this.problem = 'decode-failed')
		);
	}

	async pickFile(file: File | null) {
		if (!file) return void (this.problem = 'nothing-found');
		const refused = await checkImage(file);
		if (refused) return void (this.problem = refused);
		this.use(fileChoice(file));
	}

	pickPhoto(photo: Blob) {
		this.use(photoChoice(photo));
	}

	private use(choice: ImageChoice) {
		release(this.picked);
		this.picked = choice;
		this.problem = null;
	}

	/** The runtime refused to read the reader's image: say why where the picker shows problems. */
	refuse(choice: ImageChoice, problem: ImageProblem) {
		if (this.picked === choice) this.problem = problem;
	}

	/** Call on unmount. */
	dispose() {
		release(this.picked);
	}

	/** Why the canvas is empty, in the reader's language: what the part waits for, or what failed. */
	statusMessage(lang: Language, model: ModelDescriptor | null, runError: string | null): string {
		const c = commonText[lang];
		const session = this.session;
		if (!session || !this.reached) return c.waiting;
		if (session.runtime === 'failed') return c.runtimeFailed(session.runtimeError ?? '');
		const slot = model ? session.slots[model.id] : undefined;
		// A model the session does not list yet is one of the bundled set, whose manifest is still being read.
		const slots = slot ? [slot] : model ? [{ status: 'loading' as const, progress: null }] : [];
		const waiting = waitingText(waitingFor(session.runtime, slots), lang);
		if (waiting) return waiting;
		if (this.problem) return imageProblemMessage(this.problem, lang);
		const error = runError ?? this.imageError;
		if (error) return c.failed(error);
		if (model && session.slots[model.id]?.status !== 'ready') return c.loadBelow(model.name[lang]);
		return c.computing;
	}
}
