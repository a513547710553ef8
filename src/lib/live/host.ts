/**
 * The live runtime's host: it holds tfjs, the backend and the networks, and answers the page's
 * requests (protocol.ts). It runs in the module Web Worker (worker.ts); where a browser has no module
 * workers or OffscreenCanvas, the page runs it on its own thread behind a MessageChannel (client.ts).
 *
 * Weights are downloaded, validated and mapped as soon as a load request arrives, in parallel with
 * tfjs loading (this module does not import tfjs: `start` loads it, so the worker answers and starts
 * downloading at once); everything that touches tfjs runs in one queue, so no backend switch, rebuild
 * or measurement happens in the middle of a request. The mapped weights of each network stay in memory
 * (tfjs layouts), so that a backend switch rebuilds without downloading again.
 */
import {
	ImageReadError,
	loadCheckpoint,
	preprocessPixels,
	readPixels,
	WeightsError,
	type BackendName,
	type NetSpec,
	type PreprocessedImage
} from '$lib/nets';
import type { MappedWeights } from '$lib/nets/weights/timm';
import type { BackendHost, Net, Tf, WebglProbe } from '$lib/nets/tf';
import { initialBackend } from './backend-policy';
import { computeModuleAtlas, computeRedundancy } from './compute/ghost-lab';
import { profileNetwork } from './compute/profile';
import { GpuTrial } from './host-gpu';
import { measureLatency } from './latency';
import { tooManyPixels } from './images/image-size';
import { configForImage, type InputConfig } from './models';
import {
	serializeError,
	transferables,
	type BackendState,
	type Classification,
	type FromHost,
	type ImageRef,
	type LoadSource,
	type LogitsResult,
	type Memory,
	type Request,
	type StartSettings,
	type ToHost
} from './protocol';

const TOP_K = 5;
/** The least time between two progress messages of one download. */
const PROGRESS_INTERVAL_MS = 150;

export interface Entry {
	spec: NetSpec;
	weights: MappedWeights;
	/** Built on the active backend. */
	net: Net;
}

/** The last network and input a request used: what the GPU trial measures. */
export interface LastUse {
	modelId: string;
	image: PreprocessedImage;
}

type Send = (message: FromHost, transfer?: Transferable[]) => void;

const configKey = (c: InputConfig) =>
	[c.resizeShorter, c.crop, c.color, c.padValue, c.padSmaller, ...c.mean, ...c.std].join(',');

/** The tfjs side of `$lib/nets`, loaded by `start`. */
export type TfApi = typeof import('$lib/nets/tf');

export class LiveHost {
	api: TfApi | null = null;
	tf: Tf | null = null;
	backendHost: BackendHost | null = null;
	state: BackendState | null = null;
	readonly nets = new Map<string, Entry>();
	lastUse: LastUse | null = null;
	private queue: Promise<unknown> = Promise.resolve();
	private readonly pending = new Map<number, AbortController>();
	private prepared: { key: string; image: Promise<PreprocessedImage> } | null = null;
	private readonly gpu = new GpuTrial(this);
	private settings: StartSettings = { choice: null };

	constructor(
		private readonly send: Send,
		readonly thread: 'worker' | 'main',
		/** Tests only: what a throwaway WebGL context reports (default: a real one). */
		readonly probeWebgl?: () => WebglProbe
	) {}

	receive(message: ToHost): void {
		if ('cancel' in message) return void this.pending.get(message.cancel)?.abort();
		const { id, request } = message;
		this.dispatch(id, request).then(
			(value) => this.send({ id, ok: true, value, memory: this.memory() }, transferables(value)),
			(error: unknown) => this.send({ id, ok: false, error: serializeError(error), memory: this.memory() })
		);
	}

	/** Runs `task` after every earlier task has settled. */
	exclusive<T>(task: () => Promise<T>): Promise<T> {
		const result = this.queue.then(task, task);
		this.queue = result.catch(() => undefined);
		return result;
	}

	private dispatch(id: number, request: Request): Promise<unknown> {
		switch (request.type) {
			case 'start':
				return this.exclusive(() => this.start(request.settings));
			case 'set-backend':
				return this.exclusive(() => this.choose(request.choice));
			case 'load':
				return this.load(id, request.modelId, request.spec, request.source);
			case 'unload':
				return this.exclusive(async () => this.unload(request.modelId));
			case 'classify':
				return this.used(this.exclusive(() => this.classify(request)));
			case 'module-atlas':
				return this.used(
					this.exclusive(async () => {
						const { net, tf, image } = await this.subject(request.modelId, request.image, request.preprocess);
						const value = await computeModuleAtlas(
							tf,
							net,
							image,
							request.module,
							request.stops,
							request.box
						);
						mark('module-atlas');
						return { ...value, backend: this.active() };
					})
				);
			case 'redundancy':
				return this.used(
					this.exclusive(async () => {
						const { net, tf, image } = await this.subject(request.modelId, request.image, request.preprocess);
						return { ...(await computeRedundancy(tf, net, image, request.stops)), backend: this.active() };
					})
				);
			case 'logits':
				return this.exclusive(() => this.logits(request.modelId, request.input, request.taps ?? []));
			case 'profile':
				return this.exclusive(async () => {
					const tf = await this.useActive();
					const value = await profileNetwork(tf, this.net(request.modelId), request.runs);
					return { ...value, backend: this.active() };
				});
			case 'prepare':
				return this.prepare(request.image, request.preprocess).then(() => undefined);
			case 'memory':
				return Promise.resolve(undefined);
			case 'timeline':
				return Promise.resolve(
					performance
						.getEntriesByType('mark')
						.filter((m) => m.name.startsWith('egn:'))
						.map((m) => ({ name: m.name.slice(4), at: performance.timeOrigin + m.startTime }))
				);
			case 'lose-webgl-context':
				if (!this.settings.debug) return Promise.reject(new Error('developer tools are off'));
				return this.exclusive(async () => this.gpu.loseContext());
		}
	}

	/**
	 * After the first result, the automatic policy looks at WebGL in the background: in a later task,
	 * so that the answer leaves first (making a WebGL context blocks this thread for a while).
	 */
	private used<T>(result: Promise<T>): Promise<T> {
		return result.then((value) => {
			setTimeout(() => this.gpu.schedule(), 0);
			return value;
		});
	}

	memory(): Memory {
		const { numTensors, numBytes } = this.tf ? this.tf.memory() : { numTensors: 0, numBytes: 0 };
		return { numTensors, numBytes };
	}

	requireTf(): Tf {
		if (!this.tf || !this.state) throw new Error('the tfjs runtime did not start');
		return this.tf;
	}

	requireApi(): TfApi {
		if (!this.api || !this.state) throw new Error('the tfjs runtime did not start');
		return this.api;
	}

	active(): BackendName {
		if (!this.state) throw new Error('the tfjs runtime did not start');
		return this.state.info.active;
	}

	emit(state: BackendState): void {
		this.state = state;
		this.send({ event: { type: 'backend', state, memory: this.memory() } });
	}

	private async start(settings: StartSettings): Promise<BackendState> {
		if (this.state) return this.state;
		this.settings = settings;
		this.gpu.configure(settings.gpuTest ?? null);
		mark('start');
		const api = await import('$lib/nets/tf');
		const tf = await api.loadTf();
		mark('tfjs-loaded');
		this.backendHost = api.tfBackendHost(tf, { wasmThreads: settings.wasmThreads });
		const info = await api.selectBackend(initialBackend(settings.choice), this.backendHost);
		[this.api, this.tf] = [api, tf];
		this.state = {
			thread: this.thread,
			info,
			choice: settings.choice,
			gpu: this.gpu.initial(settings.choice)
		};
		this.gpu.watch();
		mark('backend-ready');
		return this.state;
	}

	/** The reader's explicit choice (or null: back to automatic); every network is rebuilt on it. */
	private async choose(choice: BackendName | null): Promise<BackendState> {
		const host = this.backendHost;
		if (!host || !this.state) throw new Error('the tfjs runtime did not start');
		this.settings = { ...this.settings, choice };
		this.gpu.reset();
		const info = await this.requireApi().selectBackend(initialBackend(choice), host);
		await this.rebuildAll();
		this.state = { ...this.state, info, choice, gpu: this.gpu.initial(choice) };
		this.gpu.watch();
		if (choice === null && this.lastUse) this.gpu.schedule();
		return this.state;
	}

	/** Makes the active backend tfjs's current one (a GPU trial may have switched it meanwhile). */
	async useActive(): Promise<Tf> {
		const tf = this.requireTf();
		const name = this.active();
		if (tf.getBackend() !== name) await tf.setBackend(name);
		return tf;
	}

	/** Disposes every network and builds it again on tfjs's current backend (each with a warm-up). */
	async rebuildAll(keep?: { modelId: string; net: Net }): Promise<void> {
		for (const [modelId, entry] of this.nets) {
			try {
				entry.net.dispose();
			} catch {
				// After a lost WebGL context the textures are already gone; nothing is left to free.
			}
			entry.net =
				keep?.modelId === modelId ? keep.net : this.requireApi().loadNetwork(entry.spec, entry.weights);
			await entry.net.warmup();
		}
	}

	/** Recovers on wasm (then the CPU) after WebGL's context was lost while it was the active backend. */
	async recoverFromLoss(): Promise<void> {
		if (!this.backendHost || !this.state) return;
		const info = await this.requireApi().recoverFromContextLoss(this.state.info.requested, this.backendHost);
		await this.rebuildAll();
		this.emit({ ...this.state, info });
	}

	private async load(id: number, modelId: string, spec: NetSpec, source: LoadSource) {
		const controller = new AbortController();
		this.pending.set(id, controller);
		try {
			mark(`load:${modelId}`);
			let lastProgress = -Infinity;
			const loaded = await loadCheckpoint(spec, source, {
				signal: controller.signal,
				...(source.kind === 'url' && source.cache === false ? { caches: null } : {}),
				...(source.kind === 'url' && source.stallTimeoutMs ? { stallTimeoutMs: source.stallTimeoutMs } : {}),
				onProgress: (progress) => {
					const done = progress.loaded > 0 && progress.loaded === progress.total;
					if (done) mark(`bytes:${modelId}`);
					// A few updates a second: each one repaints the page's progress, and repaints are not free.
					const now = performance.now();
					if (!done && progress.loaded > 0 && now - lastProgress < PROGRESS_INTERVAL_MS) return;
					lastProgress = now;
					this.send({ id, progress });
				}
			});
			mark(`validated:${modelId}`);
			this.send({ id, progress: { phase: 'build' } });
			await this.exclusive(async () => {
				if (controller.signal.aborted) throw new WeightsError('aborted', 'loading was cancelled');
				await this.useActive();
				const net = this.requireApi().loadNetwork(spec, loaded.weights);
				this.nets.get(modelId)?.net.dispose();
				this.nets.set(modelId, { spec, weights: loaded.weights, net });
				this.gpu.forget(modelId);
				mark(`made:${modelId}`);
				await net.warmup();
				mark(`built:${modelId}`);
			});
			const { url, fileName } = loaded.origin;
			return { byteLength: loaded.byteLength, cache: loaded.cache, url, fileName };
		} finally {
			this.pending.delete(id);
		}
	}

	private unload(modelId: string): void {
		this.nets.get(modelId)?.net.dispose();
		this.nets.delete(modelId);
		this.gpu.forget(modelId);
		if (this.lastUse?.modelId === modelId) this.lastUse = null;
	}

	net(modelId: string): Net {
		const entry = this.nets.get(modelId);
		if (!entry) throw new Error(`network ${modelId} is not loaded`);
		return entry.net;
	}

	/** The image read and preprocessed under `config`; the last one is kept for the next request. */
	private prepare(image: ImageRef, config: InputConfig): Promise<PreprocessedImage> {
		const key = `${image.key}|${configKey(config)}`;
		if (this.prepared?.key !== key) {
			const prepared = readAndPreprocess(image.source, config);
			this.prepared = { key, image: prepared };
			// A failed preprocessing is not kept: the next request tries again.
			prepared.catch(() => {
				if (this.prepared?.image === prepared) this.prepared = null;
			});
		}
		return this.prepared.image;
	}

	private async subject(modelId: string, image: ImageRef, config: InputConfig) {
		const prepared = await this.prepare(image, config);
		const tf = await this.useActive();
		const net = this.net(modelId);
		this.lastUse = { modelId, image: prepared };
		return { net, tf, image: prepared };
	}

	private async classify(request: Request & { type: 'classify' }): Promise<Classification> {
		const { modelIds, timing } = request;
		mark('host-classify');
		const prepared = await this.prepare(request.image, request.preprocess);
		const tf = await this.useActive();
		const nets = modelIds.map((id) => this.net(id));
		const input = this.requireApi().inputTensor(tf, prepared);
		try {
			const runs = [];
			for (const [i, net] of nets.entries()) {
				const measured = await measureLatency(() => net.classify(input, TOP_K), timing);
				const { medianMs, samplesMs } = measured;
				runs.push({ modelId: modelIds[i], top: measured.result, medianMs, samplesMs });
			}
			this.lastUse = { modelId: modelIds[modelIds.length - 1], image: prepared };
			mark('host-classified');
			const preview = { pixels: prepared.preview.slice(), size: request.preprocess.crop };
			return { runs, preview, backend: this.active() };
		} finally {
			input.dispose();
		}
	}

	/** Raw logits (and taps) of a network for an NHWC input: the developer hook and the benchmark. */
	private async logits(modelId: string, input: Float32Array, taps: string[]): Promise<LogitsResult> {
		const tf = await this.useActive();
		const net = this.net(modelId);
		const size = net.spec.resolution;
		if (input.length !== size * size * 3)
			throw new RangeError(
				`input has ${input.length} values; ${net.spec.name} takes 1 × ${size} × ${size} × 3`
			);
		const result = tf.tidy(() => net.infer(tf.tensor4d(input, [1, size, size, 3]), { taps }));
		try {
			const read = async (t: (typeof result.taps)[string]) => ({
				shape: t.shape,
				values: (await t.data()) as Float32Array
			});
			const values = await Promise.all(
				taps.map(async (name) => [name, await read(result.taps[name])] as const)
			);
			return {
				logits: (await result.logits.data()) as Float32Array,
				taps: Object.fromEntries(values),
				backend: this.active()
			};
		} finally {
			tf.dispose([result.logits, ...Object.values(result.taps)]);
		}
	}
}

/** A User Timing mark in the host's context (see the 'timeline' request). */
function mark(name: string): void {
	globalThis.performance?.mark?.(`egn:${name}`);
}

/**
 * Every image file is checked here, whatever part of the page sent it (classifier, Ghost lab, camera,
 * samples): the pixel count its header announces, wherever the header sits, before it is decoded.
 */
async function refuseHugeImage(source: ImageRef['source']): Promise<void> {
	if (!(source instanceof Blob)) return;
	if (tooManyPixels(new Uint8Array(await source.arrayBuffer())))
		throw new ImageReadError('too-many-pixels', 'the image header announces too many pixels to decode');
}

async function readAndPreprocess(
	source: ImageRef['source'],
	config: InputConfig
): Promise<PreprocessedImage> {
	await refuseHugeImage(source);
	const pixels = await readPixels(source, config.resizeShorter ?? config.crop);
	const image = preprocessPixels(pixels, configForImage(config, pixels.width, pixels.height));
	mark('image-prepared');
	return image;
}
