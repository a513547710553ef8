/**
 * Test doubles for the live parts' component tests (imported by tests only): a recording 2D canvas
 * context for jsdom (which has none), and the stubs and rendering both live figures' tests share.
 */
import { render } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { vi } from 'vitest';
import type { Language } from '$lib/content/languages';
import { localSession } from '$lib/live/testing';
import { stubResizeObserver } from '$lib/viz/chart/resize-observer-stub';
import type { LiveFigureProps } from './live-figure.svelte';

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

/**
 * What a live figure needs in jsdom: recording canvases, ResizeObserver and object URLs. Undo the
 * globals with vi.unstubAllGlobals().
 */
export function installLiveStubs(): void {
	installCanvasStub();
	stubResizeObserver();
	URL.createObjectURL = vi.fn((blob: Blob) => `blob:${(blob as File).name}`);
	URL.revokeObjectURL = vi.fn();
}

/**
 * Renders a live figure on a session over the real host on this thread (CPU backend, synthetic
 * weights of the bundled models; `localSession`); `requests` lists the figure requests it sent.
 */
export function renderLiveFigure(component: Component<LiveFigureProps>, lang: Language = 'en') {
	const session = localSession();
	const requests: string[] = [];
	for (const method of ['moduleAtlas', 'redundancy', 'profile'] as const) {
		const original = session[method].bind(session) as (...args: unknown[]) => Promise<unknown>;
		(session as unknown as Record<string, unknown>)[method] = (model: { id: string }, ...rest: unknown[]) => {
			requests.push(model.id);
			return original(model, ...rest);
		};
	}
	return { session, requests, ...render(component, { lang, session }) };
}
