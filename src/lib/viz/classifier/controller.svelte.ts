/**
 * One classifier's own state (each embedded classifier has its own): the image shown, the latest
 * result, the problem to show, and which sample lists are loaded. The networks themselves live in
 * the shared session. A newer request always wins: results of an older one are dropped.
 */
import type { BackendName } from '$lib/nets/runtime';
import type { NetworkSession } from '$lib/state/networks.svelte';
import type { Classification, TimingOptions } from './engine';
import { checkImageFile, type InputErrorCode } from './image-input';
import { MAX_IMAGE_PIXELS, SIZE_SNIFF_BYTES, imagePixelSize } from './image-size';
import type { ImageProblem } from './messages';
import type { DatasetId } from './models';
import { SAMPLE_MANIFESTS, parseSamples, type Sample } from './samples';

export interface CurrentImage {
	blob: Blob;
	url: string;
	alt: string;
	sampleId: string | null;
	/** The data set a sample belongs to (null for the reader's own images). */
	dataset: DatasetId | null;
	/** `url` is an object URL this controller must revoke. */
	owned: boolean;
}

export type Outcome = Classification & { dataset: DatasetId };

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
	'no-canvas'
]);

/** An ImageReadError from preprocessing (matched by shape, so this module does not import preprocess). */
function readErrorCode(error: unknown): InputErrorCode | null {
	const code = (error as { code?: unknown })?.code;
	return (error as Error)?.name === 'ImageReadError' && typeof code === 'string' && READ_ERRORS.has(code)
		? (code as InputErrorCode)
		: null;
}

/** 'too-many-pixels' when the file's header announces more than MAX_IMAGE_PIXELS, else null. */
async function tooManyPixels(file: Blob): Promise<'too-many-pixels' | null> {
	let head: Uint8Array;
	try {
		head = new Uint8Array(await file.slice(0, SIZE_SNIFF_BYTES).arrayBuffer());
	} catch {
		return null; // Unreadable here: decoding will say what is wrong.
	}
	const size = imagePixelSize(head);
	return size && size.width * size.height > MAX_IMAGE_PIXELS ? 'too-many-pixels' : null;
}

export class ClassifierController {
	current = $state.raw<CurrentImage | null>(null);
	outcome = $state.raw<Outcome | null>(null);
	problem = $state<ImageProblem | null>(null);
	busy = $state(false);
	switching = $state(false);
	samples = $state.raw<Partial<Record<DatasetId, Sample[]>>>({});
	private ticket = 0;
	private readonly session: NetworkSession;
	private readonly timing: TimingOptions;
	private readonly fetchJson: (url: string) => Promise<unknown>;

	constructor(session: NetworkSession, timing: TimingOptions, fetchJson: (url: string) => Promise<unknown>) {
		this.session = session;
		this.timing = timing;
		this.fetchJson = fetchJson;
	}

	async loadSamples(dataset: DatasetId): Promise<Sample[]> {
		const known = this.samples[dataset];
		if (known) return known;
		const url = SAMPLE_MANIFESTS[dataset];
		const list = parseSamples(await this.fetchJson(url).catch(() => null), url);
		this.samples = { ...this.samples, [dataset]: list };
		return list;
	}

	/** The reader's choice → a checked image, classified; a problem message otherwise. */
	async pick(choice: Choice) {
		if (choice.kind === 'file') {
			if (!choice.file) return this.fail('nothing-found');
			const refused = checkImageFile(choice.file) ?? (await tooManyPixels(choice.file));
			if (refused) return this.fail(refused);
			const url = URL.createObjectURL(choice.file);
			const image = {
				blob: choice.file,
				url,
				alt: choice.file.name,
				sampleId: null,
				dataset: null,
				owned: true
			};
			return this.run(image);
		}
		if (choice.kind === 'camera') {
			const url = URL.createObjectURL(choice.photo);
			return this.run({ blob: choice.photo, url, alt: '', sampleId: null, dataset: null, owned: true });
		}
		const { sample, dataset, alt } = choice;
		const ticket = ++this.ticket;
		try {
			const response = await fetch(sample.url);
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			const blob = await response.blob();
			if (ticket !== this.ticket) return; // The reader chose something else meanwhile.
			await this.run({ blob, url: sample.url, alt, sampleId: sample.id, dataset, owned: false });
		} catch {
			if (ticket !== this.ticket) return;
			this.busy = false;
			this.fail('classify-failed');
		}
	}

	private fail(problem: ImageProblem) {
		this.problem = problem;
	}

	/** Classifies `image` with the active set; it becomes the current image only if that works. */
	async run(image: CurrentImage) {
		const ticket = ++this.ticket;
		this.busy = true;
		try {
			const result = await this.session.classify(image.blob, this.timing);
			if (ticket !== this.ticket) return this.release(image);
			const previous = this.current;
			this.current = image;
			if (previous) this.release(previous);
			this.outcome = result;
			this.problem = null;
		} catch (error) {
			this.release(image);
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
		const ticket = ++this.ticket;
		this.busy = true;
		try {
			const list = await this.loadSamples(dataset);
			if (ticket !== this.ticket) return;
			const current = this.current;
			if (current && (current.dataset === null || current.dataset === dataset))
				return await this.run(current);
			if (list[0]) return await this.pick({ kind: 'sample', sample: list[0], dataset, alt: altOf(list[0]) });
		} finally {
			if (ticket === this.ticket) this.busy = false;
		}
	}

	/** Classifies the current image again (after a backend switch). */
	rerun() {
		if (this.current) return this.run(this.current);
	}

	async setBackend(name: BackendName) {
		this.switching = true;
		try {
			await this.session.setBackend(name);
		} finally {
			this.switching = false;
		}
		await this.rerun();
	}

	private release(image: CurrentImage) {
		if (image.owned && image !== this.current) URL.revokeObjectURL(image.url);
	}

	dispose() {
		this.ticket++;
		if (this.current?.owned) URL.revokeObjectURL(this.current.url);
	}
}
