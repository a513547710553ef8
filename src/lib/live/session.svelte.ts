/**
 * The page's live runtime state, shared by every live part of a tab (`networks()`), so networks
 * survive client-side navigation between the articles and the classify page: the runtime (its worker,
 * backend and why), the model sets, and the state of each network's weights. Components read its
 * fields and call its methods; nothing else writes them.
 *
 * Which model set classifies: our Fashion-MNIST models (bundled, offline) until both ImageNet
 * checkpoints are loaded, then ImageNet; the reader can switch back. Cached ImageNet weights are loaded
 * at start, so a second visit runs ImageNet without downloading. Downloads start at once, while the
 * runtime is still starting.
 */
import {
	chooseWasmThreads,
	isCached,
	type BackendName,
	type Family,
	type PreprocessConfig,
	type WeightsProgress
} from '$lib/nets';
import { weightsBaseUrl } from '$lib/nets/weights/base-url';
import { connectRuntime, type RuntimeClient } from './client';
import type { DivergingStops } from './compute/colour-scale';
import type { GhostModuleChoice } from './compute/ghost-modules';
import { installDevtools } from './devtools';
import {
	FMNIST_MANIFEST_URL,
	hubUrl,
	imagenetSet,
	parseFmnistManifest,
	staticUrl,
	type DatasetId,
	type ModelDescriptor,
	type ModelSet
} from './models';
import type { BackendState, ImageRef, LoadProgress, LoadSource, Memory, Timing } from './protocol';
import {
	devtoolsOn,
	gpuTestSetting,
	loadBackendChoice,
	saveBackendChoice,
	stallTimeoutSetting,
	weightsBaseOverride
} from './settings';
import { describeWeightError, type WeightFailure } from './weight-errors';

export type SourceKind = 'hub' | 'static' | 'file' | 'bundled';

/** Where a loaded network's weights came from, for the "weights in use" line. */
export interface WeightsOrigin {
	kind: SourceKind;
	url: string | null;
	fileName: string | null;
	bytes: number;
	fromCache: boolean;
}

/** One network's weights: empty → loading (bytes, then building) → ready, or error. */
export class ModelSlot {
	readonly model: ModelDescriptor;
	status = $state<'empty' | 'loading' | 'ready' | 'error'>('empty');
	progress = $state<LoadProgress | null>(null);
	failure = $state<WeightFailure | null>(null);
	/** The source of the last attempt (for retry). */
	attempted = $state<SourceKind | null>(null);
	origin = $state<WeightsOrigin | null>(null);
	controller: AbortController | null = null;
	constructor(model: ModelDescriptor) {
		this.model = model;
	}
}

/** What the session needs from outside; tests pass fakes. */
export interface SessionDeps {
	connect: () => Promise<RuntimeClient>;
	isCached: (url: string) => Promise<boolean>;
	fetchJson: (url: string) => Promise<unknown>;
	/** The hub (or mirror) base URL: the developer override, else the build's. */
	hubBase: () => string;
	/** Where self-hosted and bundled weights are served. */
	staticBase: string;
}

export class NetworkSession {
	runtime = $state<'idle' | 'starting' | 'ready' | 'failed'>('idle');
	backend = $state.raw<BackendState | null>(null);
	runtimeError = $state<string | null>(null);
	readonly imagenet: ModelSet = imagenetSet();
	fmnist = $state.raw<ModelSet | null>(null);
	fmnistError = $state<string | null>(null);
	slots = $state.raw<Record<string, ModelSlot>>({});
	active = $state<DatasetId | null>(null);
	memory = $state.raw<Memory>({ numTensors: 0, numBytes: 0 });
	/** A backend switch the reader asked for is under way. */
	switching = $state(false);
	private client: Promise<RuntimeClient> | null = null;
	// Listeners, not state the UI reads.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly activeListeners = new Set<(dataset: DatasetId) => void>();
	/** Resolves once the bundled set's manifest is read. */
	private readonly fmnistReady = deferred<ModelSet>();
	private started: Promise<void> | null = null;
	private warming: Promise<void> | null = null;
	private manifest: Promise<ModelSet> | null = null;
	private readonly deps: SessionDeps;

	constructor(deps: SessionDeps) {
		this.deps = deps;
		this.addSlots(this.imagenet);
	}

	/**
	 * Starts the runtime and loads the default models; later calls return the same promise. With
	 * `first`, that family's bundled model loads before the other (a live part that needs only it).
	 */
	start(first?: Family): Promise<void> {
		this.started ??= this.boot(first);
		return this.started;
	}

	/**
	 * Starts only the runtime (worker, tfjs, backend), without downloading any weights: for a live part
	 * the reader is approaching, so that the network is quick to start once they reach it.
	 */
	warm(): Promise<void> {
		this.warming ??= Promise.all([this.startRuntime(), this.fmnistSet().catch(() => null)]).then(() => {});
		return this.warming;
	}

	/** The bundled set, from its manifest (fetched once; a failure is retried by the next call). */
	private fmnistSet(): Promise<ModelSet> {
		this.manifest ??= this.deps.fetchJson(FMNIST_MANIFEST_URL).then(
			(json) => {
				const set = parseFmnistManifest(json);
				this.fmnist = set;
				this.fmnistReady.resolve(set);
				this.addSlots(set);
				return set;
			},
			(error: unknown) => {
				this.manifest = null;
				throw error;
			}
		);
		return this.manifest;
	}

	private connect(): Promise<RuntimeClient> {
		this.client ??= this.deps.connect().then((client) => {
			client.onEvent((event) => {
				this.backend = event.state;
				this.memory = event.memory;
			});
			client.onMemory((memory) => (this.memory = memory));
			return client;
		});
		return this.client;
	}

	private async boot(first?: Family) {
		const runtime = this.warm();
		// The weights download while tfjs starts; the host builds them once it has.
		await Promise.all([runtime, this.loadFmnist(first), this.loadCachedImagenet()]);
	}

	private async startRuntime() {
		mark('runtime-requested');
		this.runtime = 'starting';
		try {
			const client = await this.connect();
			// The page decides the wasm threads: it knows its isolation and cores (and a test may set them).
			const wasmThreads = chooseWasmThreads({
				crossOriginIsolated: globalThis.crossOriginIsolated === true,
				hardwareConcurrency: globalThis.navigator?.hardwareConcurrency
			});
			const settings = {
				choice: loadBackendChoice(),
				wasmThreads,
				gpuTest: gpuTestSetting(),
				debug: devtoolsOn()
			};
			this.backend = await client.request({ type: 'start', settings });
			mark('runtime-ready');
			this.connected = client;
			this.runtime = 'ready';
		} catch (error) {
			this.runtime = 'failed';
			this.runtimeError = error instanceof Error ? error.message : String(error);
		}
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

	/** The models of every known set, the offline (Fashion-MNIST) set first. */
	models(): ModelDescriptor[] {
		return [this.fmnist, this.imagenet].flatMap((set) => set?.models ?? []);
	}

	/** The set's preprocessing for a model. */
	preprocessOf(model: ModelDescriptor): PreprocessConfig | null {
		return this.set(model.dataset)?.preprocess ?? null;
	}

	private async loadFmnist(first?: Family) {
		try {
			const set = await this.fmnistSet();
			const load = (m: ModelDescriptor) => this.loadSlot(this.slots[m.id], 'bundled');
			const preferred = set.models.find((m) => m.family === first);
			if (preferred) {
				await load(preferred);
				await Promise.all(set.models.filter((m) => m !== preferred).map(load));
			} else await Promise.all(set.models.map(load));
		} catch (error) {
			this.fmnistError = error instanceof Error ? error.message : String(error);
		}
	}

	/** The base URL the hub source downloads from (the developer override, else the build's). */
	hubBase(): string {
		return this.deps.hubBase();
	}

	private urlOf(model: ModelDescriptor, kind: 'hub' | 'static' | 'bundled' | 'file'): string {
		const { weights } = model;
		if (kind === 'hub' && weights.kind === 'hub') return hubUrl(weights, this.deps.hubBase());
		return staticUrl(weights, this.deps.staticBase);
	}

	/** Loads the ImageNet checkpoints from the cache if both are there (no network request). */
	private async loadCachedImagenet() {
		for (const kind of ['hub', 'static'] as const) {
			const urls = this.imagenet.models.map((m) => this.urlOf(m, kind));
			const cached = await Promise.all(urls.map((url) => this.deps.isCached(url).catch(() => false)));
			if (cached.every(Boolean)) return this.loadImagenetFrom(kind);
		}
	}

	/** Downloads (or reads from the cache) both ImageNet checkpoints. */
	async loadImagenet(kind: 'hub' | 'static') {
		void this.start();
		await this.loadImagenetFrom(kind);
	}

	private async loadImagenetFrom(kind: 'hub' | 'static') {
		await Promise.all(this.slotsOf('imagenet').map((slot) => this.loadSlot(slot, kind)));
	}

	/** Loads one model from a file the reader picked or dropped. */
	async loadFile(modelId: string, file: File) {
		void this.start();
		await this.loadSlot(this.slots[modelId], 'file', file);
	}

	/** Retries the last attempt of a slot (not for files: the reader picks again). */
	retry(modelId: string) {
		const slot = this.slots[modelId];
		if (slot.attempted === 'bundled' && !this.fmnist) return this.loadFmnist();
		if (slot.attempted && slot.attempted !== 'file') return this.loadSlot(slot, slot.attempted);
	}

	cancel(modelId: string) {
		this.slots[modelId]?.controller?.abort();
	}

	private async loadSlot(slot: ModelSlot, kind: SourceKind, file?: File) {
		slot.controller?.abort();
		const controller = new AbortController();
		Object.assign(slot, { controller, status: 'loading', failure: null, progress: null, attempted: kind });
		try {
			const stallTimeoutMs = stallTimeoutSetting() ?? undefined;
			const source: LoadSource =
				kind === 'file' && file
					? { kind: 'file', file, name: file.name }
					: { kind: 'url', url: this.urlOf(slot.model, kind), cache: kind !== 'bundled', stallTimeoutMs };
			const client = await this.connect();
			const onProgress = (progress: LoadProgress) => {
				if (slot.controller === controller) slot.progress = progress;
			};
			const { model } = slot;
			const loaded = await client.request(
				{ type: 'load', modelId: model.id, spec: model.spec, source },
				{ onProgress, signal: controller.signal }
			);
			if (slot.controller !== controller) return;
			const { url, fileName, byteLength } = loaded;
			slot.origin = { kind, url, fileName, bytes: byteLength, fromCache: loaded.cache === 'hit' };
			slot.status = 'ready';
			mark(`model-ready:${model.id}`);
			this.chooseActive(model.dataset);
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
		if (loaded === 'imagenet' || this.active === null) this.activate(loaded);
	}

	/** Switches the model set that classifies, if both of its networks are ready. */
	use(dataset: DatasetId) {
		if (this.ready(dataset)) this.activate(dataset);
	}

	private activate(dataset: DatasetId) {
		if (this.active === dataset) return;
		this.active = dataset;
		for (const listener of this.activeListeners) listener(dataset);
	}

	/**
	 * Calls `listener` whenever the set that classifies changes, at once rather than after the next
	 * render (a classifier starts its first classification without waiting for the page to update).
	 * Returns a function that stops listening.
	 */
	onActive(listener: (dataset: DatasetId) => void): () => void {
		this.activeListeners.add(listener);
		return () => this.activeListeners.delete(listener);
	}

	/** The reader's explicit backend choice (null: automatic), remembered; every network is rebuilt on it. */
	async setBackend(choice: BackendName | null) {
		if (this.runtime !== 'ready') return;
		saveBackendChoice(choice);
		this.switching = true;
		try {
			const client = await this.connect();
			this.backend = await client.request({ type: 'set-backend', choice });
		} finally {
			this.switching = false;
		}
	}

	/** The connected client of a started runtime; null until then. */
	private connected: RuntimeClient | null = null;

	/**
	 * The client, synchronously once the runtime has started (so that a request goes out in the same
	 * task as the event that triggers it, before the page re-renders), else after starting it.
	 */
	private runtimeClient(): RuntimeClient | Promise<RuntimeClient> {
		if (this.runtime === 'ready' && this.connected) return this.connected;
		return (async () => {
			if (this.runtime !== 'ready') await this.start();
			if (this.runtime !== 'ready') throw new Error(this.runtimeError ?? 'the tfjs runtime did not start');
			return (this.connected = await this.connect());
		})();
	}

	/**
	 * Reads and preprocesses an image for `dataset`'s networks ahead of time (while their weights
	 * download), so that the classification that follows starts at once. Failures surface there.
	 */
	async prepare(dataset: DatasetId, image: ImageRef) {
		const set = dataset === 'fmnist' ? await this.fmnistReady.promise : this.imagenet;
		const client = await this.connect();
		await client.request({ type: 'prepare', image, preprocess: set.preprocess }).catch(() => {});
	}

	/** Runs both networks of the active set on one image (preprocessed once). */
	async classify(image: ImageRef, timing: Timing) {
		const set = this.active ? this.set(this.active) : null;
		if (!set) throw new Error('no model set is ready');
		const ready = this.runtimeClient();
		const client = ready instanceof Promise ? await ready : ready;
		const modelIds = set.models.map((m) => m.id);
		const result = await client.request({
			type: 'classify',
			modelIds,
			image,
			preprocess: set.preprocess,
			timing
		});
		return { ...result, dataset: set.dataset };
	}

	/** The intrinsic and ghost maps of one Ghost module for an image, coloured into an atlas. */
	async moduleAtlas(
		model: ModelDescriptor,
		image: ImageRef,
		module: GhostModuleChoice,
		stops: DivergingStops
	) {
		const client = await this.runtimeClient();
		const preprocess = this.preprocessOf(model);
		if (!preprocess) throw new Error(`no preprocessing for ${model.id}`);
		return client.request({ type: 'module-atlas', modelId: model.id, image, preprocess, module, stops });
	}

	/** The stem's maps for an image, their similarities, the most similar pairs and their cheap fits. */
	async redundancy(model: ModelDescriptor, image: ImageRef, stops: DivergingStops) {
		const client = await this.runtimeClient();
		const preprocess = this.preprocessOf(model);
		if (!preprocess) throw new Error(`no preprocessing for ${model.id}`);
		return client.request({ type: 'redundancy', modelId: model.id, image, preprocess, stops });
	}

	/** Where a forward pass of a loaded network spends its time on the active backend, per section and op kind. */
	async profile(model: ModelDescriptor, runs: number) {
		const client = await this.runtimeClient();
		return client.request({ type: 'profile', modelId: model.id, runs });
	}

	/**
	 * Raw logits (and taps) of a loaded network for an NHWC input (developer tools). The input's buffer
	 * moves to the runtime: `input` is empty afterwards.
	 */
	async logits(modelId: string, input: Float32Array, taps: string[] = []) {
		const client = await this.runtimeClient();
		return client.request({ type: 'logits', modelId, input, taps }, { transfer: [input.buffer] });
	}

	/** The host's timing marks on the wall clock (see the 'timeline' request). */
	async timeline() {
		return (await this.connect()).request({ type: 'timeline' });
	}

	/** The developer tools' test of a lost WebGL context. */
	async loseWebglContext() {
		const client = await this.runtimeClient();
		await client.request({ type: 'lose-webgl-context' });
	}
}

/** A User Timing mark (`egn:<name>`), for DevTools and the benchmark's breakdown of the first seconds. */
export function mark(name: string): void {
	globalThis.performance?.mark?.(`egn:${name}`);
}

function deferred<T>() {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>((r) => (resolve = r));
	return { promise, resolve };
}

async function fetchJson(url: string): Promise<unknown> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return response.json();
}

/** The browser's dependencies: the runtime's worker, Cache Storage, fetch. */
export function browserDeps(): SessionDeps {
	return {
		connect: connectRuntime,
		isCached: (url) => isCached(url),
		fetchJson,
		hubBase: () => weightsBaseOverride() ?? weightsBaseUrl(),
		staticBase: '/weights'
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

export type { WeightsProgress };
