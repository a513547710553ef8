/**
 * Which mark of a chart shows its tooltip, for mouse and touch alike (pure): a mouse shows it while
 * hovering; a tap (touch or pen, or a click) pins it, so it stays after the finger lifts, until a tap
 * elsewhere, a tap on the same mark, or Escape. The chart keeps `active` in its own state.
 */
export interface PinState {
	active: number | null;
	pinned: boolean;
}

export const unpinned: PinState = { active: null, pinned: false };

/** The pointer entered mark i: a hover shows it unless another mark is pinned. */
export function enter(state: PinState, i: number): PinState {
	return state.pinned ? state : { active: i, pinned: false };
}

/** The pointer left a mark: a mouse hover ends; a finger (or pen) lifting does not end a tap. */
export function leave(state: PinState, pointerType: string | undefined): PinState {
	if (state.pinned || pointerType === 'touch' || pointerType === 'pen') return state;
	return unpinned;
}

/** A tap or click on mark i pins it; on the pinned mark it unpins. */
export function tap(state: PinState, i: number): PinState {
	return state.pinned && state.active === i ? unpinned : { active: i, pinned: true };
}

/** A tap outside the marks, or Escape, hides the tooltip. */
export function dismiss(): PinState {
	return unpinned;
}

/**
 * While a mark is pinned: calls `hide` on a pointer press outside `group` or on Escape anywhere.
 * Returns the cleanup (use it as an $effect's return value).
 */
export function hideOnOutsideTap(group: Element | undefined, hide: () => void): () => void {
	const outside = (event: PointerEvent) => {
		if (!group?.contains(event.target as Node)) hide();
	};
	const escape = (event: KeyboardEvent) => {
		if (event.key === 'Escape') hide();
	};
	document.addEventListener('pointerdown', outside);
	document.addEventListener('keydown', escape);
	return () => {
		document.removeEventListener('pointerdown', outside);
		document.removeEventListener('keydown', escape);
	};
}
