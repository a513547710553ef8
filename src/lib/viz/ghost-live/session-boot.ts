/**
 * The page's network session for a live part: created in the browser only (never during prerender),
 * started when the reader arrives at the part, so tfjs, the engine and the bundled weights are
 * downloaded only by readers who look at it or use it, never at page load.
 */
import { networks, type NetworkSession } from '$lib/state/networks.svelte';

/**
 * The band of the viewport a part must reach to count as being looked at: its upper two thirds. A part
 * that merely peeks in at the bottom edge of the first screen (or sits just below it) does not start.
 */
export const IN_VIEW_MARGIN = '0px 0px -33% 0px';
/** Interactions inside a part that start it at once (keyboard users reach it by focus). */
export const START_EVENTS = ['pointerdown', 'focusin', 'keydown'] as const;

/**
 * Calls `onArrive` once: when `element` enters the upper two thirds of the viewport, or on the first
 * interaction inside it, whichever comes first (at once where IntersectionObserver is missing).
 * Returns a function that stops watching.
 */
export function whenReaderArrives(element: HTMLElement, onArrive: () => void): () => void {
	if (typeof IntersectionObserver === 'undefined') {
		onArrive();
		return () => {};
	}
	let done = false;
	const arrive = () => {
		if (done) return;
		stop();
		onArrive();
	};
	const observer = new IntersectionObserver(
		(entries) => {
			if (entries.some((e) => e.isIntersecting)) arrive();
		},
		{ rootMargin: IN_VIEW_MARGIN }
	);
	observer.observe(element);
	for (const type of START_EVENTS) element.addEventListener(type, arrive);
	function stop() {
		done = true;
		observer.disconnect();
		for (const type of START_EVENTS) element.removeEventListener(type, arrive);
	}
	return stop;
}

/** The session to use: the one given (tests), else the tab's shared one. */
export function sessionFor(given: NetworkSession | undefined): NetworkSession {
	return given ?? networks();
}

/** True once the runtime has started and the bundled models have finished loading (or failed). */
export function booted(session: NetworkSession): boolean {
	if (session.runtime === 'failed') return true;
	if (session.runtime !== 'ready') return false;
	if (session.fmnist === null) return session.fmnistError !== null;
	return session.slotsOf('fmnist').every((s) => s.status !== 'loading' && s.status !== 'empty');
}
