/**
 * Shared state of the classifiers on a page: the one tfjs runtime (tfjs has a single global
 * backend), the networks loaded in it and the state of their weights. One instance per browser tab
 * (`networks()`), so loaded networks survive client-side navigation between the articles and the
 * classify page. Components read its fields and call its methods; nothing else writes them.
 *
 * Which model set classifies: our Fashion-MNIST models (bundled, offline) until both ImageNet
 * checkpoints are loaded, then ImageNet; the reader can switch back. Cached ImageNet weights are
 * loaded at start, so a second visit runs ImageNet without downloading.
 */
import type { Net } from '$lib/nets/build';
import {
	loadBackendChoice,
	saveBackendChoice,
	type BackendInfo,
	type BackendName,
	type Tf
} from '$lib/nets/runtime';
import type { ImageSourceLike } from '$lib/nets/preprocess';
import type { CheckpointEntry } from '$lib/nets/weights/catalog';
import { weightsBaseUrl } from '$lib/nets/weights/base-url';
import {
	isCached,
	loadCheckpoint,
	sourceUrl,
	type LoadOptions,
	type LoadedCheckpoint,
	type WeightsProgress,
	type WeightsSource
} from '$lib/nets/weights/sources';
import {
	loadTfEngine,
	type ClassifierEngine,
	type MemoryCount,
	type TimingOptions
} from '$lib/viz/classifier/engine';
import {
	FMNIST_MANIFEST_URL,
	imagenetSet,
	parseFmnistManifest,
	type DatasetId,
	type ModelInfo,
	type ModelSet
} from '$lib/viz/classifier/models';
import { weightsBaseOverride } from '$lib/viz/weights/dev-settings';
import { installDevtools } from './devtools';
import { describeWeightError, type WeightFailure } from '$lib/viz/weights/errors';

export type SourceKind = 'hub' | 'static' | 'file' | 'bundled';

/** Where a loaded network's weights came from, for the "weights in use" line. */
export interface WeightsOrigin {
	kind: SourceKind;
	url: string | null;
	fileName: string | null;
	bytes: number;
	fromCache: boolean;
}

/** One network's weights: empty → loading (with progress) → ready, or error. */
export class ModelSlot {
	readonly model: ModelInfo;
	status = $state<'empty' | 'loading' | 'ready' | 'error'>('empty');
	progress = $state<WeightsProgress | null>(null);
	failure = $state<WeightFailure | null>(null);
	/** The source of the last attempt (for retry). */
	attempted = $state<SourceKind | null>(null);
	origin = $state<WeightsOrigin | null>(null);
	controller: AbortController | null = null;
	constructor(model: ModelInfo) {
		this.model = model;
	}
}

/** What the session needs from outside; tests pass fakes. */
export interface NetworkDeps {
	engine: () => Promise<ClassifierEngine>;
	loadCheckpoint: (
		entry: CheckpointEntry,
		source: WeightsSource,
		options: LoadOptions
	) => Promise<LoadedCheckpoint>;
	isCached: (url: string) => Promise<boolean>;
	sourceUrl: (entry: CheckpointEntry, source: Exclude<WeightsSource, { kind: 'file' }>) => string;
	fetchJson: (url: string) => Promise<unknown>;
	/** The hub (or mirror) base URL: the developer override, else the build's. */
	hubBase: () => string;
	/** Where self-hosted and bundled weights are served. */
	staticBase: string;
	online: () => boolean;
}

/** The catalog-shaped entry the sources load a model from (bundled models: a file under /weights/). */
export function entryOf(model: ModelInfo): CheckpointEntry {
	if (model.checkpoint) return model.checkpoint;
	const file = model.bundled?.file ?? '';
	const ownEntry = { id: model.id, family: model.family, name: model.name, repo: '', file, localFile: file };
	const rest = {
		spec: () => model.spec,
		numClasses: model.spec.numClasses,
		approxBytes: model.bundled?.bytes ?? 0
	};
	const evalSettings = {
		inputSize: model.spec.resolution,
		cropPct: 1,
		interpolation: 'bicubic',
		normalization: 'imagenet'
	};
	return { ...ownEntry, ...rest, eval: evalSettings, labels: 'imagenet-1k' } as unknown as CheckpointEntry;
}

export class NetworkSession {
	runtime = $state<'idle' | 'starting' | 'ready' | 'failed'>('idle');
	backend = $state<BackendInfo | null>(null);
	runtimeError = $state<string | null>(null);
	readonly imagenet: ModelSet = imagenetSet();
	fmnist = $state.raw<ModelSet | null>(null);
	fmnistError = $state<string | null>(null);
	slots = $state.raw<Record<string, ModelSlot>>({});
	active = $state<DatasetId | null>(null);
	memory = $state<MemoryCount>({ numTensors: 0, numBytes: 0 });
	private engine: ClassifierEngine | null = null;
	private started: Promise<void> | null = null;
	private readonly deps: NetworkDeps;

	constructor(deps: NetworkDeps) {
		this.deps = deps;
		this.addSlots(this.imagenet);
	}

	/** Starts tfjs and loads the default models; later calls return the same promise. */
	start(): Promise<void> {
		this.started ??= this.boot();
		return this.started;
	}

	private async boot() {
		this.runtime = 'starting';
		try {
			this.engine = await this.deps.engine();
			this.backend = await this.engine.start(loadBackendChoice() ?? 'webgl');
			this.engine.onBackendLost((info) => (this.backend = info));
			this.runtime = 'ready';
		} catch (error) {
			this.runtime = 'failed';
			this.runtimeError = error instanceof Error ? error.message : String(error);
			return;
		}
		await Promise.all([this.loadFmnist(), this.loadCachedImagenet()]);
	}

	private addSlots(set: ModelSet) {
		const added = Object.fromEntries(set.models.map((m) => [m.id, new ModelSlot(m)]));
		this.slots = { ...this.slots, ...added };
	}

	set(dataset: DatasetId): ModelSet | null {
		return dataset === 'imagenet' ? this.imagenet : this.fmnist;
	}

	slotsOf(dataset: DatasetId): ModelSlot[] {
		return this.set(dataset)?.models.map((m) => this.slots[m.id]) ?? [];
	}

	/** Both networks of the set are built and ready. */
	ready(dataset: DatasetId): boolean {
		const slots = this.slotsOf(dataset);
		return slots.length === 2 && slots.every((s) => s.status === 'ready');
	}

	private async loadFmnist() {
		try {
			const set = parseFmnistManifest(await this.deps.fetchJson(FMNIST_MANIFEST_URL));
			this.fmnist = set;
			this.addSlots(set);
			const source = { kind: 'static' as const, baseUrl: this.deps.staticBase };
			await Promise.all(set.models.map((m) => this.loadSlot(this.slots[m.id], source, 'bundled')));
		} catch (error) {
			this.fmnistError = error instanceof Error ? error.message : String(error);
		}
	}

	/** The base URL the hub source downloads from (the developer override, else the build's). */
	hubBase(): string {
		return this.deps.hubBase();
	}

	private hubSource() {
		return { kind: 'hub' as const, baseUrl: this.deps.hubBase() };
	}

	private staticSource() {
		return { kind: 'static' as const, baseUrl: this.deps.staticBase };
	}

	/** Loads the ImageNet checkpoints from the cache if both are there (no network request). */
	private async loadCachedImagenet() {
		for (const source of [this.hubSource(), this.staticSource()]) {
			const urls = this.imagenet.models.map((m) => this.deps.sourceUrl(entryOf(m), source));
			const cached = await Promise.all(urls.map((url) => this.deps.isCached(url).catch(() => false)));
			if (cached.every(Boolean)) return this.loadImagenetFrom(source);
		}
	}

	/** Downloads (or reads from the cache) both ImageNet checkpoints. */
	async loadImagenet(kind: 'hub' | 'static') {
		await this.start();
		await this.loadImagenetFrom(kind === 'hub' ? this.hubSource() : this.staticSource());
	}

	private async loadImagenetFrom(source: { kind: 'hub' | 'static'; baseUrl: string }) {
		await Promise.all(this.slotsOf('imagenet').map((slot) => this.loadSlot(slot, source, source.kind)));
	}

	/** Loads one model from a file the reader picked or dropped. */
	async loadFile(modelId: string, file: File) {
		await this.start();
		await this.loadSlot(this.slots[modelId], { kind: 'file', file, name: file.name }, 'file');
	}

	/** Retries the last attempt of a slot (not for files: the reader picks again). */
	retry(modelId: string) {
		const slot = this.slots[modelId];
		if (slot.attempted === 'bundled') return this.loadFmnist();
		if (slot.attempted === 'hub' || slot.attempted === 'static') {
			const source = slot.attempted === 'hub' ? this.hubSource() : this.staticSource();
			return this.loadSlot(slot, source, slot.attempted);
		}
	}

	cancel(modelId: string) {
		this.slots[modelId]?.controller?.abort();
	}

	private async loadSlot(slot: ModelSlot, source: WeightsSource, kind: SourceKind) {
		slot.controller?.abort();
		const controller = new AbortController();
		Object.assign(slot, { controller, status: 'loading', failure: null, progress: null, attempted: kind });
		try {
			const onProgress = (progress: WeightsProgress) => {
				if (slot.controller === controller) slot.progress = progress;
			};
			const options = { onProgress, signal: controller.signal, isOnline: this.deps.online };
			const loaded = await this.deps.loadCheckpoint(entryOf(slot.model), source, options);
			if (!this.engine) throw new Error('the tfjs runtime did not start');
			await this.engine.load(slot.model.id, loaded.spec, loaded.weights);
			if (slot.controller !== controller) return;
			const { url, fileName } = loaded.origin;
			slot.origin = { kind, url, fileName, bytes: loaded.byteLength, fromCache: loaded.cache === 'hit' };
			slot.status = 'ready';
			this.updateMemory();
			this.chooseActive(slot.model.dataset);
		} catch (error) {
			if (slot.controller !== controller) return;
			slot.failure = describeWeightError(error);
			slot.status = slot.origin ? 'ready' : 'error';
		} finally {
			if (slot.controller === controller) slot.controller = null;
		}
	}

	/** A newly complete ImageNet set takes over; Fashion-MNIST is used until then. */
	private chooseActive(loaded: DatasetId) {
		if (!this.ready(loaded)) return;
		if (loaded === 'imagenet' || this.active === null) this.active = loaded;
	}

	/** Switches the model set that classifies, if both of its networks are ready. */
	use(dataset: DatasetId) {
		if (this.ready(dataset)) this.active = dataset;
	}

	/** The reader's explicit backend choice: persisted, and every network rebuilt on it. */
	async setBackend(name: BackendName) {
		if (!this.engine) return;
		saveBackendChoice(name);
		this.backend = await this.engine.switchBackend(name);
		this.updateMemory();
	}

	/** Runs both networks of the active set on `source` (one preprocessed input). */
	async classify(source: ImageSourceLike, timing: TimingOptions) {
		const set = this.active ? this.set(this.active) : null;
		if (!this.engine || !set) throw new Error('no model set is ready');
		const ids = set.models.map((m) => m.id);
		const result = await this.engine.classify(ids, source, set.preprocess, timing);
		this.updateMemory();
		return { ...result, dataset: set.dataset };
	}

	/** Runs `task` on a loaded network, exclusively (see ClassifierEngine.withNet); updates the memory count. */
	async withNet<T>(modelId: string, task: (net: Net, tf: Tf) => T | Promise<T>): Promise<T> {
		if (!this.engine) throw new Error('the tfjs runtime has not started');
		try {
			return await this.engine.withNet(modelId, task);
		} finally {
			this.updateMemory();
		}
	}

	private updateMemory() {
		if (this.engine) this.memory = this.engine.memory();
	}
}

async function fetchJson(url: string): Promise<unknown> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return response.json();
}

/** The browser's dependencies: tfjs (imported on first use), the weight sources, fetch. */
export function browserDeps(): NetworkDeps {
	return {
		engine: loadTfEngine,
		loadCheckpoint,
		isCached: (url) => isCached(url),
		sourceUrl,
		fetchJson,
		hubBase: () => weightsBaseOverride() ?? weightsBaseUrl(),
		staticBase: '/weights',
		online: () => globalThis.navigator?.onLine !== false
	};
}

let shared: NetworkSession | null = null;

/** The tab's session, created on first use (in the browser only: call it from effects and handlers). */
export function networks(): NetworkSession {
	if (!shared) {
		shared = new NetworkSession(browserDeps());
		installDevtools(shared);
	}
	return shared;
}
