/**
 * What both live figures do besides drawing: the part (session, colours, image), the model shown (the
 * reader's choice, else the default among the first family's models), the sample fetch for its data
 * set, and the figure's computation in the live runtime, rerun whenever the model, its readiness, the
 * image, the colours or the figure's own input change. Create it while the component initialises (it
 * sets up effects).
 */
import { untrack } from 'svelte';
import type { Language } from '$lib/content/languages';
import type { DivergingStops } from '$lib/live/compute/colour-scale';
import type { ImageChoice } from '$lib/live/images/choice';
import { builtModels, type DatasetId, type ModelDescriptor } from '$lib/live/models';
import type { ImageRef } from '$lib/live/protocol';
import type { NetworkSession } from '$lib/live/session.svelte';
import type { Family } from '$lib/nets';
import type { ImageProblem } from '$lib/viz/classifier/messages';
import { LatestRun } from './latest-run.svelte';
import { LivePart } from './live-part.svelte';

/** The props of a live figure component. */
export interface LiveFigureProps {
	lang: Language;
	/** The page's network session (default: the tab's shared one). */
	session?: NetworkSession;
}

/** One run of the figure's computation in the runtime, for a model and an image. */
export type LiveTask<T> = (
	session: NetworkSession,
	model: ModelDescriptor,
	image: ImageRef,
	stops: DivergingStops
) => Promise<T>;

export interface LiveJob<T> {
	/** The models offered, family by family; the default is among the first family's. */
	families: Family[];
	/** The figure's own input as a primitive key: a change reruns the computation. */
	inputKey?: () => string | null;
	/** Called as each run starts: the computation for the current input, or null when there is none. */
	task: () => LiveTask<T> | null;
}

export type SlotStatus = 'empty' | 'loading' | 'ready' | 'error';

/** The model to show first: a ready one of the active set, else any ready one, else the offline set's. */
export function defaultModel(
	models: ModelDescriptor[],
	active: DatasetId | null,
	status: (id: string) => SlotStatus
): ModelDescriptor | null {
	const ready = models.filter((m) => status(m.id) === 'ready');
	return (
		ready.find((m) => m.dataset === active) ??
		ready[0] ??
		models.find((m) => m.dataset === 'fmnist') ??
		models[0] ??
		null
	);
}

const READ_ERRORS: ReadonlySet<string> = new Set([
	'decode-failed',
	'empty-image',
	'cross-origin',
	'no-canvas',
	'too-many-pixels'
]);

/** An unreadable image as the picker's problem (the runtime's ImageReadError, matched by name). */
function imageProblem(error: unknown): ImageProblem | null {
	const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
	return name === 'ImageReadError' && typeof code === 'string' && READ_ERRORS.has(code)
		? (code as ImageProblem)
		: null;
}

/** The part and the model shown: the reader's choice, else the default among the first family's models. */
export class LiveModelChoice {
	readonly part = new LivePart();
	/** The reader's choice of model; null until they choose. */
	chosenModel = $state<string | null>(null);
	readonly session = $derived(this.part.session);
	readonly models: ModelDescriptor[] = $derived(this.offered());
	readonly model: ModelDescriptor | null = $derived(
		this.models.find((m) => m.id === this.chosenModel) ?? this.defaultModel()
	);
	readonly modelId = $derived(this.model?.id ?? null);
	readonly ready = $derived(this.model ? this.status(this.model.id) === 'ready' : false);
	readonly picture = $derived(this.part.picture(this.model?.dataset));
	/** The models offered, family by family. */
	private readonly families: Family[];

	constructor(families: Family[]) {
		this.families = families;
	}

	/** The family whose model the part shows first. */
	get firstFamily(): Family {
		return this.families[0];
	}

	status(id: string): SlotStatus {
		return this.session?.slots[id]?.status ?? 'empty';
	}

	private offered(): ModelDescriptor[] {
		const session = this.session;
		// Until the session has read the bundled manifest, the models built into the page (the same ones).
		const known = session && (session.fmnist || session.fmnistError);
		const all = known ? session.models() : builtModels();
		return this.families.flatMap((family) => all.filter((m) => m.family === family));
	}

	private defaultModel(): ModelDescriptor | null {
		const first = this.models.filter((m) => m.family === this.families[0]);
		return defaultModel(first, this.session?.active ?? null, (id) => this.status(id));
	}
}

/** The model choice, and the figure's computation on the chosen model's network. */
export class LiveFigure<T extends object> extends LiveModelChoice {
	readonly run = new LatestRun<T & { modelId: string }>();
	/** The latest result, if it is of the model shown. */
	readonly result = $derived(this.run.value?.modelId === this.modelId ? this.run.value : null);
	private readonly job: LiveJob<T>;

	constructor(job: LiveJob<T>) {
		super(job.families);
		this.job = job;
		$effect(() => {
			const dataset = this.model?.dataset;
			if (dataset && this.session?.set(dataset)) untrack(() => this.part.ensureSamples(dataset));
		});
		// Primitive keys, so that the computation reruns only when one of them really changes.
		const pictureKey = $derived(this.picture?.key ?? null);
		// The image is read and preprocessed while the network's weights still load.
		$effect(() => {
			const [key, session, dataset, reached] = [
				pictureKey,
				this.session,
				this.model?.dataset,
				this.part.reached
			];
			const picture = untrack(() => this.picture);
			if (key && session && dataset && reached && picture) void session.prepare(dataset, imageRef(picture));
		});
		$effect(() => {
			const key = [
				this.modelId,
				this.ready,
				this.part.reached,
				job.inputKey?.(),
				pictureKey,
				this.part.stops
			];
			untrack(() => this.compute(key));
		});
	}

	/** Why nothing is drawn yet, in the reader's language. */
	statusMessage(lang: Language): string {
		return this.part.statusMessage(lang, this.model, this.run.error);
	}

	private compute(_dependencies: unknown[]) {
		const [session, model, picture, stops] = [this.session, this.model, this.picture, this.part.stops];
		const task = this.job.task();
		const reached = this.part.reached;
		if (!session || !model || !picture || !this.ready || !reached || !task) return this.run.reset();
		void this.run.run(async (current) => {
			if (!current()) return null;
			try {
				const value = await task(session, model, imageRef(picture), stops);
				return { ...value, modelId: model.id };
			} catch (error) {
				const problem = imageProblem(error);
				if (!problem) throw error;
				this.part.refuse(picture, problem);
				return null;
			}
		});
	}
}

export function imageRef(choice: ImageChoice): ImageRef {
	return { key: choice.key, source: choice.blob };
}
