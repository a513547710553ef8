/**
 * What the ImageNet comparison draws besides the paper's rows: the chosen GhostNet width at the exact
 * MACs and params our cost model counts from its spec, and the axis ranges that keep it in view.
 */
import { cost, ghostnet } from '$lib/nets';
import { PAPER_IMAGENET, type ImageNetRow, type ModelFamily } from './paper-imagenet';

/** Drawing order (GhostNet last, on top) and legend order (GhostNet first). */
export const FAMILIES: readonly ModelFamily[] = ['ghostnet', 'mobilenet', 'shufflenet', 'other'];

export interface MarkedWidth {
	width: number;
	/** Exact counts of our spec at 224 px: MACs of conv and linear layers, timm's params. */
	macs: number;
	params: number;
	/** The paper's row for this width, or null when the paper trained no such network. */
	paper: ImageNetRow | null;
}

export function markedWidth(width: number): MarkedWidth {
	const { macs, params } = cost(ghostnet({ width }));
	const paper = PAPER_IMAGENET.find((r) => r.ghostWidth === width) ?? null;
	return { width, macs, params, paper };
}

export function rowsOf(family: ModelFamily): ImageNetRow[] {
	return PAPER_IMAGENET.filter((r) => r.family === family);
}

/** FLOPs axis (millions): from 0 to past the largest paper row and the marked width. */
export function flopsDomain(markedMacs: number): [number, number] {
	const largest = Math.max(...PAPER_IMAGENET.map((r) => r.flopsM), markedMacs / 1e6);
	return [0, largest * 1.06];
}

/** Top-1 axis (%), a little beyond the paper's rows. */
export function top1Domain(): [number, number] {
	const values = PAPER_IMAGENET.map((r) => r.top1);
	return [Math.floor(Math.min(...values)) - 1, Math.ceil(Math.max(...values)) + 1];
}
