/**
 * The reader's main pointer: fine (mouse, pen) or coarse (a finger). Hints say "point at" to the first
 * and "tap" to the second. Read from matchMedia('(pointer: coarse)') in the browser and followed when
 * it changes (a tablet docked to a keyboard with a trackpad); fine during the prerender.
 */
import { wording, type PointerText } from './pointer';

export type { PointerText } from './pointer';

class Pointer {
	coarse = $state(false);
	constructor() {
		if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return;
		const query = window.matchMedia('(pointer: coarse)');
		this.coarse = query.matches;
		query.addEventListener?.('change', (event) => (this.coarse = event.matches));
	}
}

/** The page's one pointer state (every hint follows the same media query). */
export const pointer = new Pointer();

/** The wording for the reader's pointer (reactive: read it in markup or $derived). */
export function forPointer(text: PointerText, coarse = pointer.coarse): string {
	return wording(text, coarse);
}
