/**
 * When the reader comes to a part of the page: within a margin of the viewport, or at the first
 * interaction inside it. Live parts start the runtime with it; deferred figures load their code.
 */

/** A part within one viewport height of the screen (above or below) is being approached. */
export const NEAR_MARGIN = '100% 0px 100% 0px';
/** A deferred figure starts loading its code a screen and a half ahead, so that the reader finds it there. */
export const DEFERRED_MARGIN = '150% 0px 150% 0px';
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
