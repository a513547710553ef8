/**
 * The automatic policy's look at WebGL (backend-policy.ts), carried out in the host after the first
 * result: probe a throwaway context, then (on a hardware renderer) build the last-used network on
 * WebGL, compile its shaders, time it against the active backend on the same input, and switch only if
 * WebGL measured faster. Each tfjs step runs in the host's queue, so the reader's requests run between
 * the steps; the shader compilation itself is awaited outside the queue where the browser compiles in
 * parallel (KHR_parallel_shader_compile, through tfjs's compile-only mode).
 */
import type { PreprocessedImage } from '$lib/nets';
import type { Net, Tf, WebglProbe } from '$lib/nets/tf';
import { gpuPlan, MEASURE_RUNS, webglWins } from './backend-policy';
import type { LiveHost } from './host';
import { measureLatency } from './latency';
import type { GpuState, GpuTest } from './protocol';

interface CompilingBackend {
	checkCompileCompletionAsync?: () => Promise<unknown>;
	getUniformLocations?: () => void;
	gpgpu?: { gl?: WebGLRenderingContext };
}

/** Median ms of one forward pass (input upload + network + reading the logits) on tfjs's current backend. */
async function timeForward(tf: Tf, net: Net, image: PreprocessedImage): Promise<number> {
	const run = async () => {
		const input = tf.tensor4d(image.input, image.shape);
		const logits = net.infer(input).logits;
		try {
			await logits.data();
		} finally {
			tf.dispose([input, logits]);
		}
	};
	return (await measureLatency(run, { warmup: 1, runs: MEASURE_RUNS })).medianMs;
}

/**
 * Compiles `net`'s shaders without running them (tfjs's ENGINE_COMPILE_ONLY); resolves when the driver
 * has finished. Null where the backend cannot do that: the first real run compiles instead.
 */
function compileOnly(tf: Tf, net: Net, image: PreprocessedImage): Promise<unknown> | null {
	const backend = tf.backend() as CompilingBackend;
	if (typeof backend.checkCompileCompletionAsync !== 'function') return null;
	tf.env().set('ENGINE_COMPILE_ONLY', true);
	try {
		tf.tidy(() => net.infer(tf.tensor4d(image.input, image.shape)).logits);
	} finally {
		tf.env().set('ENGINE_COMPILE_ONLY', false);
	}
	return backend.checkCompileCompletionAsync();
}

/** Makes this context behave as one without WebGL (the developer setting's test of that path). */
function withoutWebgl(): void {
	for (const Canvas of [globalThis.OffscreenCanvas, globalThis.HTMLCanvasElement]) {
		if (!Canvas) continue;
		const original = Canvas.prototype.getContext as (this: unknown, ...args: unknown[]) => unknown;
		Canvas.prototype.getContext = function (this: unknown, type: string, ...rest: unknown[]) {
			return /webgl/.test(type) ? null : original.call(this, type, ...rest);
		} as never;
	}
}

export class GpuTrial {
	private test: GpuTest | null = null;
	private scheduled = false;
	/** Incremented by a reset: steps of an older trial stop. */
	private generation = 0;
	private trialNet: { modelId: string; net: Net } | null = null;
	private stopWatching = () => {};

	constructor(private readonly host: LiveHost) {}

	configure(test: GpuTest | null): void {
		this.test = test;
		if (test?.webgl === false) withoutWebgl();
	}

	initial(choice: string | null): GpuState {
		return choice === null ? { phase: 'waiting' } : { phase: 'not-needed' };
	}

	reset(): void {
		this.generation++;
		this.scheduled = false;
		this.dropTrialNet();
	}

	forget(modelId: string): void {
		if (this.trialNet?.modelId === modelId) this.dropTrialNet();
	}

	private dropTrialNet(): void {
		try {
			this.trialNet?.net.dispose();
		} catch {
			// A lost context already freed its textures.
		}
		this.trialNet = null;
	}

	/** Watches WebGL's context once its backend exists: a loss moves an active WebGL to wasm. */
	watch(): void {
		this.stopWatching();
		const { tf, api } = this.host;
		if (!tf || !api || !tf.engine().registry.webgl) return;
		this.stopWatching = api.watchContextLoss(tf, () => void this.host.exclusive(() => this.onContextLost()));
	}

	private async onContextLost(): Promise<void> {
		this.stopWatching = () => {};
		this.dropTrialNet();
		this.generation++;
		const state = this.host.state;
		if (state?.info.active === 'webgl') return this.host.recoverFromLoss();
		if (state && state.gpu.phase === 'compiling')
			this.report(this.generation, { phase: 'failed', detail: 'WebGL context lost' });
	}

	/** The developer tools' test of a lost context: loses tfjs's WebGL context, if it has one. */
	loseContext(): void {
		const backend = this.host.tf?.engine().registry.webgl as CompilingBackend | undefined;
		const lose = backend?.gpgpu?.gl?.getExtension('WEBGL_lose_context');
		if (!lose) throw new Error('no WebGL context to lose');
		lose.loseContext();
	}

	/** Starts the trial once per automatic period, after a result is on screen. */
	schedule(): void {
		const state = this.host.state;
		if (this.scheduled || !state || state.choice !== null || !this.host.lastUse) return;
		this.scheduled = true;
		const generation = this.generation;
		this.run(generation).catch((error: unknown) => {
			this.dropTrialNet();
			const detail = error instanceof Error ? error.message : String(error);
			this.report(generation, { phase: 'failed', detail });
		});
	}

	private probe(): WebglProbe {
		const real = (this.host.probeWebgl ?? this.host.requireApi().probeWebgl)();
		if (this.test?.webgl === false || !real.available) return { available: false, renderer: null };
		return { available: true, renderer: this.test?.renderer ?? real.renderer };
	}

	private report(generation: number, gpu: GpuState): void {
		const state = this.host.state;
		if (generation !== this.generation || !state) return;
		this.host.emit({ ...state, gpu });
	}

	private async run(generation: number): Promise<void> {
		const probe = this.probe();
		const plan = gpuPlan(null, probe);
		if (plan === 'unavailable') return this.report(generation, { phase: 'unavailable' });
		if (plan === 'software')
			return this.report(generation, { phase: 'software', renderer: probe.renderer ?? '' });
		this.report(generation, { phase: 'compiling', renderer: probe.renderer });
		const built = await this.host.exclusive(() => this.build(generation));
		if (!built) return;
		await built.compiled;
		await this.host.exclusive(() => this.measure(generation, probe.renderer));
	}

	/**
	 * Starts WebGL and builds the last-used network on it; resolves to its pending compilation (in an
	 * object, so that the queue does not wait for it).
	 */
	private async build(generation: number): Promise<{ compiled: Promise<unknown> } | null> {
		const { host } = this;
		const use = host.lastUse;
		const entry = use && host.nets.get(use.modelId);
		if (generation !== this.generation || !use || !entry || !host.backendHost) return null;
		if (!(await host.backendHost.activate('webgl'))) throw new Error('the WebGL backend did not start');
		this.watch();
		try {
			const tf = host.requireTf();
			const net = host.requireApi().loadNetwork(entry.spec, entry.weights);
			this.trialNet = { modelId: use.modelId, net };
			return { compiled: compileOnly(tf, net, use.image) ?? Promise.resolve() };
		} finally {
			await host.useActive();
		}
	}

	/** Times the active backend and WebGL on the same network and input, and switches if WebGL wins. */
	private async measure(generation: number, renderer: string | null): Promise<void> {
		const { host } = this;
		const use = host.lastUse;
		const trial = this.trialNet;
		if (generation !== this.generation || !use || !trial || trial.modelId !== use.modelId) return;
		const tf = host.requireTf();
		await tf.setBackend('webgl');
		(tf.backend() as CompilingBackend).getUniformLocations?.();
		const measuredWebgl = await timeForward(tf, trial.net, use.image);
		const active = host.active();
		await host.useActive();
		const currentMs = await timeForward(tf, host.net(use.modelId), use.image);
		const webglMs = this.test?.speedup ? currentMs / this.test.speedup : measuredWebgl;
		const wins = webglWins(currentMs, webglMs);
		const gpu: GpuState = {
			phase: 'measured',
			renderer,
			modelId: use.modelId,
			current: active,
			currentMs,
			webglMs,
			webglWins: wins
		};
		if (wins) {
			await tf.setBackend('webgl');
			this.trialNet = null;
			await host.rebuildAll(trial);
			const info = { requested: 'webgl' as const, active: 'webgl' as const, fallbacks: [] };
			if (generation === this.generation && host.state) host.emit({ ...host.state, info, gpu });
			return;
		}
		this.dropTrialNet();
		if (active !== tf.getBackend()) await host.useActive();
		this.report(generation, gpu);
	}
}
