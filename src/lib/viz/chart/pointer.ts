/** Hints in two wordings, one per kind of pointer (pure); the page's pointer is in pointer.svelte.ts. */

/** "Point at …" for a mouse or pen (fine), "Tap …" for a finger (coarse). */
export interface PointerText {
	fine: string;
	coarse: string;
}

export function wording(text: PointerText, coarse: boolean): string {
	return coarse ? text.coarse : text.fine;
}
