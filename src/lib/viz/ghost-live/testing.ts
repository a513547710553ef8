/**
 * Test doubles for the live parts' component tests (imported by tests only): a recording 2D canvas
 * context for jsdom (which has none), a network session whose `withNet` runs real tfjs networks, and
 * the stubs and rendering both live figures' tests share.
 */
import * as tf from '@tensorflow/tfjs';
import { render } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { vi } from 'vitest';
import type { Language } from '$lib/content/languages';
import { loadNetwork, type Net } from '$lib/nets/build';
import { timmStateDict } from '$lib/nets/spec/state-dict';
import type { NetSpec } from '$lib/nets/spec/types';
import type { SafetensorsFile, TensorEntry } from '$lib/nets/weights/safetensors';
import { stubResizeObserver } from '$lib/viz/chart/resize-observer-stub';
import { fakeSession } from '$lib/viz/classifier/testing';
import type { LiveFigureProps } from './live-figure.svelte';
import type { NetRunner, NetTask } from './net-runner';

export interface DrawCall {
	op: string;
	args: unknown[];
}

/** Records every drawing call; `calls` since the last `clearRect` = the latest frame. */
export class RecordingContext {
	calls: DrawCall[] = [];
	frame: DrawCall[] = [];
	imageSmoothingEnabled = true;
	strokeStyle = '';
	lineWidth = 1;
	private record(op: string, args: unknown[]) {
		this.calls.push({ op, args });
		this.frame.push({ op, args });
	}
	setTransform(...args: unknown[]) {
		this.record('setTransform', args);
	}
	clearRect(...args: unknown[]) {
		this.frame = [];
		this.record('clearRect', args);
	}
	putImageData(...args: unknown[]) {
		this.record('putImageData', args);
	}
	drawImage(...args: unknown[]) {
		this.record('drawImage', args);
	}
	strokeRect(...args: unknown[]) {
		this.record('strokeRect', args);
	}
	fillRect(...args: unknown[]) {
		this.record('fillRect', args);
	}
}

const contexts = new WeakMap<HTMLCanvasElement, RecordingContext>();

/** Gives every jsdom canvas a RecordingContext, and defines ImageData if missing. */
export function installCanvasStub(): void {
	HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement) {
		let context = contexts.get(this);
		if (!context) contexts.set(this, (context = new RecordingContext()));
		return context as unknown as CanvasRenderingContext2D;
	} as unknown as typeof HTMLCanvasElement.prototype.getContext;
	globalThis.ImageData ??= class {
		constructor(
			readonly data: Uint8ClampedArray,
			readonly width: number,
			readonly height: number
		) {}
	} as unknown as typeof ImageData;
}

export function contextOf(canvas: Element): RecordingContext {
	return (canvas as HTMLCanvasElement).getContext('2d') as unknown as RecordingContext;
}

/** A checkpoint with the spec's exact keys and shapes and deterministic pseudo-random values. */
export function syntheticCheckpoint(spec: NetSpec, seed = 1): SafetensorsFile {
	let state = seed;
	const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
	const tensors = new Map<string, TensorEntry>();
	for (const e of timmStateDict(spec)) {
		const n = e.shape.reduce((a, b) => a * b, 1);
		const values = Float32Array.from({ length: n }, () =>
			e.param === 'running_var' ? 1 + 0.5 * random() : 0.3 * random()
		);
		tensors.set(e.key, { name: e.key, dtype: 'F32', shape: e.shape, values });
	}
	return { metadata: {}, tensors };
}

/** A runner over real tfjs networks (CPU backend), keyed by model id; `calls` counts tasks per id. */
export function realRunner(nets: Record<string, Net>) {
	const calls: string[] = [];
	const runner: NetRunner = {
		async withNet<T>(modelId: string, task: NetTask<T>): Promise<T> {
			calls.push(modelId);
			const net = nets[modelId];
			if (!net) throw new Error(`network ${modelId} is not loaded`);
			return task(net, tf);
		}
	};
	return { runner, calls };
}

export function syntheticNet(spec: NetSpec, seed = 1): Net {
	return loadNetwork(spec, syntheticCheckpoint(spec, seed));
}

/**
 * What a live figure needs in jsdom: recording canvases, ResizeObserver, object URLs, the CPU backend,
 * and a fetch that serves a one-sample list and its image. Undo the globals with vi.unstubAllGlobals().
 */
export async function installLiveStubs(): Promise<void> {
	installCanvasStub();
	stubResizeObserver();
	URL.createObjectURL = vi.fn((blob: Blob) => `blob:${(blob as File).name}`);
	URL.revokeObjectURL = vi.fn();
	await tf.setBackend('cpu');
	vi.stubGlobal(
		'fetch',
		vi.fn(async (url: string) =>
			url.endsWith('.json')
				? Response.json({ samples: [{ id: 'first', file: 'first.png' }] })
				: new Response(new Blob([new Uint8Array(4)]))
		)
	);
}

/** Renders a live figure on a fake session whose `withNet` runs `nets`; `calls` lists the model ids run. */
export function renderLiveFigure(
	component: Component<LiveFigureProps>,
	nets: Record<string, Net>,
	lang: Language = 'en'
) {
	const { session } = fakeSession();
	const { runner, calls } = realRunner(nets);
	Object.assign(session, runner);
	return { session, calls, ...render(component, { lang, session }) };
}
