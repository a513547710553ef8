import { describe, expect, it } from 'vitest';
import { dismiss, enter, leave, tap, unpinned } from './pin';

describe('tap-to-pin tooltips', () => {
	it('a mouse shows a mark while it hovers and hides it when it leaves', () => {
		const hovered = enter(unpinned, 2);
		expect(hovered).toEqual({ active: 2, pinned: false });
		expect(leave(hovered, 'mouse')).toEqual(unpinned);
	});

	it('a tap pins the mark, and lifting the finger keeps it', () => {
		const pinned = tap(enter(unpinned, 1), 1);
		expect(pinned).toEqual({ active: 1, pinned: true });
		expect(leave(pinned, 'touch')).toEqual(pinned);
		expect(leave(pinned, 'mouse')).toEqual(pinned);
	});

	it('a touch that only entered a mark is not ended by the finger leaving', () => {
		const touched = enter(unpinned, 3);
		expect(leave(touched, 'touch')).toEqual(touched);
		expect(leave(touched, 'pen')).toEqual(touched);
		// Without a pointer type (an old browser), leaving ends the hover as a mouse's would.
		expect(leave(touched, undefined)).toEqual(unpinned);
	});

	it('while pinned, hovering other marks does not move the tooltip; tapping another mark does', () => {
		const pinned = tap(unpinned, 0);
		expect(enter(pinned, 4)).toEqual(pinned);
		expect(tap(pinned, 4)).toEqual({ active: 4, pinned: true });
	});

	it('a second tap on the pinned mark, a tap elsewhere or Escape hides it', () => {
		const pinned = tap(unpinned, 0);
		expect(tap(pinned, 0)).toEqual(unpinned);
		expect(dismiss()).toEqual(unpinned);
	});
});
