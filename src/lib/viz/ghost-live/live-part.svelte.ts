/**
 * What both live parts share: the page's network session (created in the browser, started when the
 * reader reaches the part or uses it), the colours read from CSS variables, the image to run on (the reader's pick, else the
 * first sample of the model's data set), the preprocessing cache, and the status message saying why
 * nothing is drawn yet.
 */
import type { Language } from '$lib/content/languages';
import type { PreprocessConfig, PreprocessedImage } from '$lib/nets/preprocess';
import type { NetworkSession } from '$lib/state/networks.svelte';
import { checkImageFile } from '$lib/viz/classifier/image-input';
import { imageProblemMessage, type ImageProblem } from '$lib/viz/classifier/messages';
import type { DatasetId } from '$lib/viz/classifier/models';
import type { Sample } from '$lib/viz/classifier/samples';
import { FALLBACK_STOPS, stopsFromCss, type DivergingStops } from './colour-scale';
import { cssVariable } from './draw';
import type { LiveModel } from './live-models';
import { commonText } from './live-text';
import type { ImageChoice } from './net-runner';
import { preparedImages } from './prepared-image';
import { sampleChoice, sampleList } from './sample-image';
import { booted, sessionFor, whenReaderArrives } from './session-boot';

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
	readonly prepared = preparedImages();
	private photos = 0;

	/** Call from onMount: takes the session and colours, starts the session when the reader arrives. */
	mount(root: HTMLElement, given: NetworkSession | undefined): () => void {
		const session = sessionFor(given);
		this.session = session;
		this.readColours(root);
		// The colours follow the reader's light/dark setting, which can change while the page is open.
		const scheme = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
		const recolour = () => this.readColours(root);
		scheme?.addEventListener('change', recolour);
		const stop = whenReaderArrives(root, () => void session.start());
		return () => {
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

	/**
	 * The preprocessed image, or null when the browser cannot read it (the reason goes to `problem`,
	 * where the picker shows it). Other failures are thrown.
	 */
	async prepare(choice: ImageChoice, config: PreprocessConfig): Promise<PreprocessedImage | null> {
		try {
			return await this.prepared(choice, config);
		} catch (error) {
			const code = (error as { name?: string; code?: ImageProblem }).code;
			if ((error as Error)?.name !== 'ImageReadError' || !code) throw error;
			if (this.picked === choice) this.problem = code;
			return null;
		}
	}

	pickSample(sample: Sample, dataset: DatasetId, alt: string) {
		sampleChoice(sample, dataset).then(
			(choice) => this.use({ ...choice, label: alt }),
			() => (this.problem = 'decode-failed')
		);
	}

	pickFile(file: File | null) {
		if (!file) return void (this.problem = 'nothing-found');
		const refused = checkImageFile(file);
		if (refused) return void (this.problem = refused);
		const key = `file:${file.name}:${file.size}:${file.lastModified}`;
		this.use({ key, source: file, label: file.name, dataset: null, url: URL.createObjectURL(file) });
	}

	pickPhoto(photo: Blob) {
		const key = `camera:${++this.photos}`;
		this.use({ key, source: photo, label: '', dataset: null, url: URL.createObjectURL(photo) });
	}

	private use(choice: ImageChoice) {
		this.release(this.picked);
		this.picked = choice;
		this.problem = null;
	}

	private release(choice: ImageChoice | null) {
		if (choice?.url.startsWith('blob:')) URL.revokeObjectURL(choice.url);
	}

	/** Call on unmount. */
	dispose() {
		this.release(this.picked);
	}

	/** Why the canvas is empty, in the reader's language. */
	statusMessage(lang: Language, model: LiveModel | null, runError: string | null): string {
		const c = commonText[lang];
		const session = this.session;
		if (!session || session.runtime === 'idle') return c.waiting;
		if (!booted(session)) return c.starting;
		if (session.runtime === 'failed') return c.runtimeFailed(session.runtimeError ?? '');
		if (this.problem) return imageProblemMessage(this.problem, lang);
		const error = runError ?? this.imageError;
		if (error) return c.failed(error);
		if (model && model.status !== 'ready') return c.loadBelow(model.info.name);
		return c.computing;
	}
}
