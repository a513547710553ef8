/**
 * The page's network session for a live part: created in the browser only (never during prerender),
 * started when the part comes near the viewport, so tfjs and the bundled weights are downloaded only
 * by readers who scroll to it.
 */
import { networks, type NetworkSession } from '$lib/state/networks.svelte';

/** Calls `onVisible` once when `element` is within `margin` of the viewport (at once without IO). */
export function whenNearViewport(element: Element, onVisible: () => void, margin = '400px'): () => void {
	if (typeof IntersectionObserver === 'undefined') {
		onVisible();
		return () => {};
	}
	const observer = new IntersectionObserver(
		(entries) => {
			if (entries.some((e) => e.isIntersecting)) {
				observer.disconnect();
				onVisible();
			}
		},
		{ rootMargin: margin }
	);
	observer.observe(element);
	return () => observer.disconnect();
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
