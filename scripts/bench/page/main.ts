/**
 * Benchmark page (not part of the site): scripts/bench/run.js loads it in headless Chromium and calls
 * `window.bench.*`. Every timing is taken here with performance.now(); the driver only collects numbers.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '$lib/nets';
import type { Net } from '$lib/nets/tf';
import { loadFixture, maxAbsDiff, NETS, type Fixture, type NetName } from './fixtures';
import { measureMemory } from './memory';
import { buildBaselineNet, buildNet, profileOurs, runOurs, startBackend, tensorCount } from './ours';
import { configurePeer, createSession, peerVersion, runPeer, type Session } from './peer';
import {
	loadInWorker,
	runInWorker,
	startWorkerRuntime,
	tensorsInWorker,
	type WorkerRuntime
} from './runtime';
import { timeScaling } from './scaling';
import { timeGhostMaps } from './ghost-maps';

interface Loaded {
	fixture: Fixture;
	/** On this page's own thread: the profile, and the worker's overhead by comparison. */
	net: Net | null;
	/** Built by the baseline commit's code (only when asked for). */
	before: Net | null;
	session: Session | null;
}

const loaded = new Map<NetName, Loaded>();
/** The site's live runtime (a module Web Worker): "ours", as readers run it. */
let runtime: WorkerRuntime | null = null;

async function setup(options: { backend: BackendName; threads: number; peer: boolean }) {
	if (options.peer) configurePeer(options.threads);
	const report = await startBackend(options.backend, options.threads);
	runtime = options.backend === 'wasm' ? await startWorkerRuntime(options.threads) : null;
	const worker = runtime?.state.info.wasm ?? null;
	return {
		...report,
		worker: worker && { threads: worker.threads, simd: worker.simd, crossOriginIsolated: worker.crossOriginIsolated },
		tfjs: tf.version_core,
		onnxruntimeWeb: options.peer ? peerVersion() : null
	};
}

/**
 * Builds every runtime for each network (ours in the worker, ours on this page, the peer, our baseline)
 * and checks their logits against the fixture.
 */
async function load(options: { peer: boolean; baseline?: boolean; page?: boolean }) {
	const checks = [];
	for (const name of NETS) {
		const fixture = await loadFixture(name);
		const net = options.page === false && runtime ? null : buildNet(fixture);
		const before = options.baseline ? buildBaselineNet(fixture) : null;
		const session = options.peer ? await createSession(fixture) : null;
		loaded.set(name, { fixture, net, before, session });
		if (runtime) await loadInWorker(runtime, fixture);
		const ours = runtime
			? maxAbsDiff(await runInWorker(runtime, fixture), fixture.logits)
			: maxAbsDiff(await runOurs(net!, fixture), fixture.logits);
		const page = runtime && net ? maxAbsDiff(await runOurs(net, fixture), fixture.logits) : null;
		const peer = session ? maxAbsDiff(await runPeer(session, fixture), fixture.logits) : null;
		const baseline = before ? maxAbsDiff(await runOurs(before, fixture), fixture.logits) : null;
		checks.push({ net: name, ours, page, peer, baseline });
	}
	return checks;
}

function get(name: NetName): Loaded {
	const entry = loaded.get(name);
	if (!entry) throw new Error(`${name} not loaded`);
	return entry;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
	const t0 = performance.now();
	await run();
	return performance.now() - t0;
}

/**
 * Steady-state latency, ours and the peer interleaved run by run (the order alternates every round),
 * after `warmup` untimed runs of each. Also checks that the tensor count stays flat. Timed runs are
 * `gapMs` apart: onnxruntime-web's worker threads spin-wait after a run, and on 2 cores they would
 * otherwise take the cores from whichever run comes next (a reader's page runs one runtime, not two).
 */
async function latency(options: { runs: number; warmup: number; gapMs?: number }) {
	const gap = () => new Promise((resolve) => setTimeout(resolve, options.gapMs ?? 0));
	type Who = 'ours' | 'page' | 'peer' | 'before';
	const times: Record<string, Record<Who, number[]>> = {};
	const tasks: { name: NetName; who: Who; run: () => Promise<unknown> }[] = [];
	for (const name of NETS) {
		const { fixture, net, before, session } = get(name);
		times[name] = { ours: [], page: [], peer: [], before: [] };
		if (runtime) {
			const worker = runtime;
			tasks.push({ name, who: 'ours', run: () => runInWorker(worker, fixture) });
			if (net) tasks.push({ name, who: 'page', run: () => runOurs(net, fixture) });
		} else if (net) tasks.push({ name, who: 'ours', run: () => runOurs(net, fixture) });
		if (session) tasks.push({ name, who: 'peer', run: () => runPeer(session, fixture) });
		if (before) tasks.push({ name, who: 'before', run: () => runOurs(before, fixture) });
	}
	for (let i = 0; i < options.warmup; i++) for (const task of tasks) await task.run();
	const tensorsBefore = tensorCount() + (runtime ? await tensorsInWorker(runtime) : 0);
	for (let i = 0; i < options.runs; i++) {
		const order = i % 2 === 0 ? tasks : [...tasks].reverse();
		for (const task of order) {
			await gap();
			times[task.name][task.who].push(await timed(task.run));
		}
	}
	const tensorsAfter = tensorCount() + (runtime ? await tensorsInWorker(runtime) : 0);
	return { times, tensorsBefore, tensorsAfter };
}

/**
 * From "weights in memory" to the first result, in a fresh page: ours = a new live runtime worker
 * (worker start, tfjs, wasm backend), the checkpoint validated, mapped and built with its warm-up, and
 * the first result back on the page; the peer = session creation (its wasm start) and the first run.
 */
async function cold(options: { runtime: 'ours' | 'peer'; net: NetName; threads: number }) {
	const fixture = await loadFixture(options.net);
	const phases: Record<string, number> = {};
	let logits: Float32Array;
	const t0 = performance.now();
	let t = t0;
	const lap = (label: string) => {
		const now = performance.now();
		phases[label] = now - t;
		t = now;
	};
	if (options.runtime === 'ours') {
		const worker = await startWorkerRuntime(options.threads);
		lap('worker + tfjs + backend');
		await loadInWorker(worker, fixture);
		lap('validate + build + warm-up');
		logits = await runInWorker(worker, fixture);
		lap('first result');
		worker.client.terminate();
	} else {
		configurePeer(options.threads);
		const session = await createSession(fixture);
		lap('session');
		logits = await runPeer(session, fixture);
		lap('first result');
		await session.release();
	}
	return { totalMs: t - t0, phases, maxAbsDiff: maxAbsDiff(logits, fixture.logits) };
}

async function profile(name: NetName) {
	const { fixture, net } = get(name);
	if (!net) throw new Error('the profile runs on the page: load with page networks');
	return profileOurs(net, fixture);
}

declare global {
	interface Window {
		bench: Record<string, (...args: never[]) => unknown>;
	}
}

window.bench = {
	setup,
	load,
	latency,
	cold,
	profile,
	memory: measureMemory,
	scaling: timeScaling,
	ghostMaps: timeGhostMaps
};
document.body.dataset.ready = 'true';
