/**
 * The GhostNet width the reader chose in the GhostNet table, shared by the figures that show "the network
 * on display" after it: the ImageNet comparison marks it, the per-module savings table lists its modules.
 * One per tab (`chosenWidth`), so the figures of an article agree; the table's slider and the width
 * buttons write it, everything else reads it. Tests pass their own instance.
 */

/** The widths the paper trained and reports (facts.md C.4). */
export const PAPER_WIDTHS = [0.5, 1, 1.3] as const;

/** The range of the GhostNet table's width slider. */
export const WIDTH_MIN = 0.25;
export const WIDTH_MAX = 2;

export class GhostNetWidth {
	/** The slider's raw value (range inputs can hand back 0.30000000000000004). */
	slider = $state(1);
	/** Two decimals, for the spec and the labels. */
	readonly width = $derived(Math.round(this.slider * 100) / 100);
	/** "1.0", "0.75", "1.3". */
	readonly label = $derived(this.width.toFixed(Math.round(this.width * 100) % 10 === 0 ? 1 : 2));

	constructor(width = 1) {
		this.slider = width;
	}
}

export const chosenWidth = new GhostNetWidth();
