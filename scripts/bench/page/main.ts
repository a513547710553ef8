/**
 * Benchmark page (not part of the site): scripts/bench/run.js loads it in headless Chromium and calls
 * `window.bench.*`. Every timing is taken here with performance.now(); the driver only collects numbers.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Net } from '$lib/nets/build';
import type { BackendName } from '$lib/nets/runtime';
import { loadFixture, maxAbsDiff, NETS, type Fixture, type NetName } from './fixtures';
import { measureMemory } from './memory';
import { buildBaselineNet, buildNet, profileOurs, runOurs, startBackend, tensorCount } from './ours';
import { configurePeer, createSession, peerVersion, runPeer, type Session } from './peer';
import { timeScaling } from './scaling';
import { timeGhostMaps } from './ghost-maps';

interface Loaded {
	fixture: Fixture;
	net: Net;
	/** Built by the baseline commit's code (only when asked for). */
	before: Net | null;
	session: Session | null;
}

const loaded = new Map<NetName, Loaded>();

async function setup(options: { backend: BackendName; threads: number; peer: boolean }) {
	if (options.peer) configurePeer(options.threads);
	const report = await startBackend(options.backend, options.threads);
	return { ...report, tfjs: tf.version.tfjs, onnxruntimeWeb: options.peer ? peerVersion() : null };
}

/** Builds both runtimes (and our baseline) for each network and checks their logits against the fixture. */
async function load(options: { peer: boolean; baseline?: boolean }) {
	const checks = [];
	for (const name of NETS) {
		const fixture = await loadFixture(name);
		const net = buildNet(fixture);
		const before = options.baseline ? buildBaselineNet(fixture) : null;
		const session = options.peer ? await createSession(fixture) : null;
		loaded.set(name, { fixture, net, before, session });
		const ours = maxAbsDiff(await runOurs(net, fixture), fixture.logits);
		const peer = session ? maxAbsDiff(await runPeer(session, fixture), fixture.logits) : null;
		const baseline = before ? maxAbsDiff(await runOurs(before, fixture), fixture.logits) : null;
		checks.push({ net: name, ours, peer, baseline });
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
	const times: Record<string, { ours: number[]; peer: number[]; before: number[] }> = {};
	const tasks: { name: NetName; who: 'ours' | 'peer' | 'before'; run: () => Promise<unknown> }[] = [];
	for (const name of NETS) {
		const { fixture, net, before, session } = get(name);
		times[name] = { ours: [], peer: [], before: [] };
		tasks.push({ name, who: 'ours', run: () => runOurs(net, fixture) });
		if (session) tasks.push({ name, who: 'peer', run: () => runPeer(session, fixture) });
		if (before) tasks.push({ name, who: 'before', run: () => runOurs(before, fixture) });
	}
	for (let i = 0; i < options.warmup; i++) for (const task of tasks) await task.run();
	const tensorsBefore = tensorCount();
	for (let i = 0; i < options.runs; i++) {
		const order = i % 2 === 0 ? tasks : [...tasks].reverse();
		for (const task of order) {
			await gap();
			times[task.name][task.who].push(await timed(task.run));
		}
	}
	return { times, tensorsBefore, tensorsAfter: tensorCount() };
}

/** From "weights in memory" to the first result, in a fresh page: runtime start, build, (warm-up), result. */
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
		await startBackend('wasm', options.threads);
		lap('backend');
		const net = buildNet(fixture);
		lap('build');
		await net.warmup();
		lap('warmup');
		logits = await runOurs(net, fixture);
		lap('first result');
		net.dispose();
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
