/**
 * What both live figures do besides drawing: the part (session, colours, image), the model shown (the
 * reader's choice, else the default among the first family's models), the sample fetch for its data
 * set, and the figure's computation on that model's network, rerun whenever the model, its readiness,
 * the image, the colours or the figure's own input change. Create it while the component initialises
 * (it sets up effects).
 */
import { untrack } from 'svelte';
import type { Language } from '$lib/content/languages';
import type { Net } from '$lib/nets/build';
import type { PreprocessedImage } from '$lib/nets/preprocess';
import type { Tf } from '$lib/nets/runtime';
import type { Family } from '$lib/nets/spec/types';
import type { NetworkSession } from '$lib/state/networks.svelte';
import type { DivergingStops } from './colour-scale';
import { LatestRun } from './latest-run.svelte';
import { LivePart } from './live-part.svelte';
import { defaultModel, liveModels, type LiveModel } from './live-models';

/** The props of a live figure component. */
export interface LiveFigureProps {
	lang: Language;
	/** The page's network session (default: the tab's shared one). */
	session?: NetworkSession;
}

/** The computation of one run, given its loaded code, the network and the preprocessed image. */
export type LiveTask<Code, T> = (
	code: Code,
	net: Net,
	tf: Tf,
	image: PreprocessedImage,
	stops: DivergingStops
) => Promise<T>;

export interface LiveJob<Code, T> {
	/** The models offered, family by family; the default is among the first family's. */
	families: Family[];
	/** The figure's own input as a primitive key: a change reruns the computation. */
	inputKey?: () => string | null;
	/** The computation's code, loaded with the first run rather than with the page. */
	load: () => Promise<Code>;
	/** Called as each run starts: the computation for the current input, or null when there is none. */
	task: () => LiveTask<Code, T> | null;
}

/** The part and the model shown: the reader's choice, else the default among the first family's models. */
export class LiveModelChoice {
	readonly part = new LivePart();
	/** The reader's choice of model; null until they choose. */
	chosenModel = $state<string | null>(null);
	readonly session = $derived(this.part.session);
	readonly models: LiveModel[] = $derived(this.offered());
	readonly model: LiveModel | null = $derived(
		this.models.find((m) => m.info.id === this.chosenModel) ?? this.defaultModel()
	);
	readonly modelId = $derived(this.model?.info.id ?? null);
	readonly ready = $derived(this.model?.status === 'ready');
	readonly picture = $derived(this.part.picture(this.model?.dataset));
	/** The models offered, family by family. */
	private readonly families: Family[];

	constructor(families: Family[]) {
		this.families = families;
	}

	private offered(): LiveModel[] {
		const session = this.session;
		return session ? this.families.flatMap((family) => liveModels(session, family)) : [];
	}

	private defaultModel(): LiveModel | null {
		const session = this.session;
		const first = session ? liveModels(session, this.families[0]) : [];
		return defaultModel(first, session?.active ?? null);
	}
}

/** The model choice, and the figure's computation on the chosen model's network. */
export class LiveFigure<Code, T extends object> extends LiveModelChoice {
	readonly run = new LatestRun<T & { modelId: string }>();
	/** The latest result, if it is of the model shown. */
	readonly result = $derived(this.run.value?.modelId === this.modelId ? this.run.value : null);
	private readonly job: LiveJob<Code, T>;

	constructor(job: LiveJob<Code, T>) {
		super(job.families);
		this.job = job;
		$effect(() => {
			const dataset = this.model?.dataset;
			if (dataset && this.session) untrack(() => this.part.ensureSamples(dataset));
		});
		// Primitive keys, so that the computation reruns only when one of them really changes.
		const pictureKey = $derived(this.picture?.key ?? null);
		$effect(() => {
			const key = [this.modelId, this.ready, job.inputKey?.(), pictureKey, this.part.stops];
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
		if (!session || !model || !picture || !this.ready || !task) return this.run.reset();
		const modelId = model.info.id;
		void this.run.run(async (current) => {
			const [image, code] = await Promise.all([
				this.part.prepare(picture, model.preprocess),
				this.job.load()
			]);
			if (!image || !current()) return null;
			return session.withNet(modelId, (net, tf) =>
				current() ? task(code, net, tf, image, stops).then((v) => ({ ...v, modelId })) : null
			);
		});
	}
}
