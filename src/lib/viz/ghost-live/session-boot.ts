/**
 * When a live part starts the page's runtime: not at page load, but in two steps as the reader comes
 * to it. Within a screen of the part, the runtime itself starts (worker, tfjs, backend; no weights);
 * once the part enters the viewport (or the reader uses it), the weights load and the figure runs. So
 * weights are downloaded only by readers who reach a live part, and by then the runtime is waiting.
 */
import { networks, type NetworkSession } from '$lib/live/session.svelte';

/** A part within one viewport height of the screen (above or below) is being approached. */
export const NEAR_MARGIN = '100% 0px 100% 0px';
/** A part in the upper two thirds of the viewport has been reached (not one peeking in at the bottom). */
export const IN_VIEW_MARGIN = '0px 0px -33% 0px';
/** Interactions inside a part that start it at once (keyboard users reach it by focus). */
export const START_EVENTS = ['pointerdown', 'focusin', 'keydown'] as const;

/**
 * Calls `onArrive` once: when `element` comes within `margin` of the viewport, or on the first
 * interaction inside it, whichever comes first (at once where IntersectionObserver is missing).
 * Returns a function that stops watching.
 */
export function whenReaderArrives(
	element: HTMLElement,
	onArrive: () => void,
	margin = NEAR_MARGIN
): () => void {
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
		{ rootMargin: margin }
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
