/** Points of one panel of the reproduction chart, and the axis ranges that show them all. */
export interface PanelPoint {
	key: string;
	/** Short name drawn beside the point. */
	name: string;
	/** Accessible name and tooltip: every value of the point. */
	label: string;
	x: number;
	y: number;
	/** Range of the seeds (equal to y for one seed). */
	min: number;
	max: number;
	/** Drawn in bold (the Ghost rows among others). */
	strong?: boolean;
}

/** [lo, hi] around `values` with `margin` (a fraction of the span, at least `minPad`) on each side. */
export function paddedDomain(values: number[], margin: number, minPad: number): [number, number] {
	const lo = Math.min(...values);
	const hi = Math.max(...values);
	const pad = Math.max((hi - lo) * margin, minPad);
	return [lo - pad, hi + pad];
}

/**
 * x and y domains of a panel: room for the names on x, for the range bars on y (and for `extraY`, such as
 * a reference line).
 */
export function panelDomains(
	points: PanelPoint[],
	extraY: number[] = []
): { x: [number, number]; y: [number, number] } {
	const xs = points.map((p) => p.x);
	return {
		x: paddedDomain(xs, 0.2, Math.max(...xs) * 0.05),
		y: paddedDomain([...points.map((p) => p.min), ...points.map((p) => p.max), ...extraY], 0.25, 0.2)
	};
}

export type LabelSide = 'right' | 'left' | 'above' | 'below';

interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The box of a name placed on `side` of a point at (px, py), with ~6.5 px per character at 11 px. */
export function labelBox(px: number, py: number, chars: number, side: LabelSide): Box {
	const w = chars * 6.5;
	const h = 13;
	if (side === 'right') return { x0: px + 9, y0: py - h / 2, x1: px + 9 + w, y1: py + h / 2 };
	if (side === 'left') return { x0: px - 9 - w, y0: py - h / 2, x1: px - 9, y1: py + h / 2 };
	const y0 = side === 'above' ? py - 9 - h : py + 9;
	return { x0: px - w / 2, y0, x1: px + w / 2, y1: y0 + h };
}

/**
 * A side for each point's name so that no name covers another name or a point and each stays inside
 * the plot (greedy, in order; falls back to the first side that stays inside).
 */
export function labelSides(
	placed: { px: number; py: number; chars: number }[],
	width: number,
	height: number
): LabelSide[] {
	const points: Box[] = placed.map(({ px, py }) => ({ x0: px - 6, y0: py - 6, x1: px + 6, y1: py + 6 }));
	const taken: Box[] = [];
	return placed.map(({ px, py, chars }) => {
		const order: LabelSide[] =
			px > width * 0.6 ? ['left', 'right', 'above', 'below'] : ['right', 'left', 'above', 'below'];
		const inside = order.filter((side) => {
			const b = labelBox(px, py, chars, side);
			return b.x0 >= -4 && b.x1 <= width + 4 && b.y0 >= -4 && b.y1 <= height + 4;
		});
		const free = inside.find((side) => {
			const b = labelBox(px, py, chars, side);
			return ![...points, ...taken].some((o) => overlaps(b, o));
		});
		const side = free ?? inside[0] ?? order[0];
		taken.push(labelBox(px, py, chars, side));
		return side;
	});
}
