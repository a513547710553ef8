/**
 * One classifier's own state (each embedded classifier has its own): the image shown, the latest
 * result, the problem to show, and which sample lists are loaded. The networks live in the shared
 * session. A newer request always wins: results of an older one are dropped.
 */
import type { BackendName } from '$lib/nets';
import {
	checkImage,
	fileChoice,
	photoChoice,
	release,
	sampleChoice,
	sampleList,
	type ImageChoice
} from '$lib/live/images/choice';
import type { Misfit } from '$lib/live/images/fmnist-fit';
import type { InputErrorCode } from '$lib/live/images/image-input';
import { fmnistMisfitsOf } from '$lib/live/images/look';
import type { Sample } from '$lib/live/images/samples';
import type { DatasetId } from '$lib/live/models';
import type { Classification, Timing } from '$lib/live/protocol';
import { mark, type NetworkSession } from '$lib/live/session.svelte';
import type { ImageProblem } from './messages';

/** A classification; `timed` once its latencies are the median of the timed runs, not one first run. */
export type Outcome = Classification & { dataset: DatasetId; timed: boolean };

/** What the reader chose in the picker (a sample, a file, a camera photo). */
export type PickerChoice =
	{ kind: 'sample'; sample: Sample } | { kind: 'file'; file: File | null } | { kind: 'camera'; photo: Blob };

export type Choice =
	| { kind: 'sample'; sample: Sample; dataset: DatasetId; alt: string }
	| { kind: 'file'; file: File | null }
	| { kind: 'camera'; photo: Blob };

const READ_ERRORS: ReadonlySet<string> = new Set([
	'decode-failed',
	'empty-image',
	'cross-origin',
	'no-canvas',
	'too-many-pixels'
]);

/** An ImageReadError from the runtime (matched by name and code: it crossed from the worker). */
function readErrorCode(error: unknown): InputErrorCode | null {
	const code = (error as { code?: unknown })?.code;
	return (error as Error)?.name === 'ImageReadError' && typeof code === 'string' && READ_ERRORS.has(code)
		? (code as InputErrorCode)
		: null;
}

/** Judges whether a reader's image suits the Fashion-MNIST models (null: cannot tell). */
export type Look = (image: Blob) => Promise<Misfit[] | null>;

export class ClassifierController {
	current = $state.raw<ImageChoice | null>(null);
	outcome = $state.raw<Outcome | null>(null);
	/** The current image's first result, set once per classification (what a screen reader hears). */
	answer = $state.raw<Outcome | null>(null);
	/** Why the current image does not suit the Fashion-MNIST models that classified it; [] otherwise. */
	misfits = $state.raw<Misfit[]>([]);
	problem = $state<ImageProblem | null>(null);
	busy = $state(false);
	samples = $state.raw<Partial<Record<DatasetId, Sample[]>>>({});
	private ticket = 0;
	/** The first sample of each data set, fetched ahead (the image shown before the reader picks one). */
	private firstSamples: Partial<Record<DatasetId, Promise<ImageChoice | null>>> = {};
	/** The same, once fetched: used without waiting, so the first classification leaves at once. */
	private fetchedFirst: Partial<Record<DatasetId, ImageChoice>> = {};
	private readonly session: NetworkSession;
	private readonly timing: Timing;
	private readonly look: Look;

	constructor(session: NetworkSession, timing: Timing, look: Look = fmnistMisfitsOf) {
		this.session = session;
		this.timing = timing;
		this.look = look;
	}

	async loadSamples(dataset: DatasetId): Promise<Sample[]> {
		const known = this.samples[dataset];
		if (known) return known;
		const list = await sampleList(dataset).catch(() => []);
		this.samples = { ...this.samples, [dataset]: list };
		return list;
	}

	/**
	 * Fetches a data set's sample list and first image, and has the runtime preprocess that image,
	 * while the networks are still loading.
	 */
	prefetch(dataset: DatasetId): void {
		this.firstSamples[dataset] ??= this.loadSamples(dataset).then(async (list) => {
			const first = list[0] ? await sampleChoice(list[0], dataset).catch(() => null) : null;
			if (first) {
				this.fetchedFirst[dataset] = first;
				void this.session.prepare(dataset, { key: first.key, source: first.blob });
			}
			return first;
		});
	}

	/** The reader's choice → a checked image, classified; a problem message otherwise. */
	async pick(choice: Choice) {
		if (choice.kind === 'file') {
			if (!choice.file) return this.fail('nothing-found');
			const refused = await checkImage(choice.file);
			if (refused) return this.fail(refused);
			return this.run(fileChoice(choice.file));
		}
		if (choice.kind === 'camera') return this.run(photoChoice(choice.photo));
		return this.runSample(choice, true);
	}

	private async runSample(choice: Extract<Choice, { kind: 'sample' }>, byReader: boolean) {
		const { sample, dataset, alt } = choice;
		const ticket = ++this.ticket;
		try {
			const ahead = sample === this.samples[dataset]?.[0] ? await this.firstSamples[dataset] : null;
			const image = ahead ? { ...ahead, label: alt } : await sampleChoice(sample, dataset, alt);
			if (ticket !== this.ticket) return; // The reader chose something else meanwhile.
			await this.run(image, byReader);
		} catch {
			if (ticket !== this.ticket) return;
			this.busy = false;
			this.fail('classify-failed');
		}
	}

	private fail(problem: ImageProblem) {
		this.problem = problem;
	}

	/**
	 * Classifies `image` with the active set; it becomes the current image only if that works. The
	 * classes show after one run of each network; the latency (the median of the timed runs) follows.
	 * A result of the reader's own choice clears the problem shown before it; one the page started (a
	 * set's first sample, a re-run after a switch) leaves it, as does any result for a problem the reader
	 * met while it ran (a refused camera, say).
	 */
	private async run(image: ImageChoice, byReader = true) {
		const ticket = ++this.ticket;
		this.busy = true;
		const problemBefore = this.problem;
		const ref = { key: image.key, source: image.blob };
		// Only the reader's own images are judged (the samples are what their models know), meanwhile.
		const judged = image.dataset === null && this.session.active === 'fmnist' ? this.look(image.blob) : null;
		try {
			const first = await this.session.classify(ref, { warmup: 0, runs: 1 });
			const misfits = first.dataset === 'fmnist' && judged ? ((await judged) ?? []) : [];
			if (ticket !== this.ticket) return this.drop(image);
			const previous = this.current;
			this.current = image;
			if (previous) this.drop(previous);
			this.misfits = misfits;
			this.outcome = this.answer = { ...first, timed: false };
			if (byReader && this.problem === problemBefore) this.problem = null;
			mark('classified');
			const timed = await this.session.classify(ref, this.timing);
			if (ticket === this.ticket) this.outcome = { ...timed, timed: true };
		} catch (error) {
			this.drop(image);
			if (ticket === this.ticket) this.problem = readErrorCode(error) ?? 'classify-failed';
		} finally {
			if (ticket === this.ticket) this.busy = false;
		}
	}

	/**
	 * After a model-set switch: classifies the reader's own image again, else shows the set's first
	 * sample. Any run still going for the previous set is dropped at once, so its result never shows.
	 */
	async show(dataset: DatasetId, altOf: (sample: Sample) => string) {
		const ahead = this.fetchedFirst[dataset];
		const list = this.samples[dataset];
		if (ahead && list && !this.current && list[0]?.id === ahead.sampleId)
			return this.run({ ...ahead, label: altOf(list[0]) }, false);
		const ticket = ++this.ticket;
		this.busy = true;
		try {
			const list = await this.loadSamples(dataset);
			if (ticket !== this.ticket) return;
			const current = this.current;
			if (current && (current.dataset === null || current.dataset === dataset))
				return await this.run(current, false);
			if (list[0])
				return await this.runSample({ kind: 'sample', sample: list[0], dataset, alt: altOf(list[0]) }, false);
		} finally {
			if (ticket === this.ticket) this.busy = false;
		}
	}

	/** Classifies the current image again (after a backend switch). */
	rerun() {
		if (this.current) return this.run(this.current, false);
	}

	async setBackend(choice: BackendName | null) {
		await this.session.setBackend(choice);
		await this.rerun();
	}

	private drop(image: ImageChoice) {
		if (image !== this.current) release(image);
	}

	dispose() {
		this.ticket++;
		release(this.current);
	}
}
