/**
 * The GhostNet paper's ablation on the ratio s (§4.1: VGG-16 on CIFAR-10, d = 3, trained to convergence),
 * as recorded in /work/shared/reference/facts.md section C.5, "Ablation on s (ratio), VGG-16, d = 3"
 * (paper-ablations.ts). Only the rows our reproduction has a counterpart for: the original network and
 * s = 2, 3, 4.
 */
import { PAPER_S_ABLATION_FULL } from './paper-ablations';

export interface PaperRow {
	/** null for the original network (ordinary convolutions). */
	s: number | null;
	/** Weights in millions. */
	paramsM: number;
	/** FLOPs (multiply-adds) in millions. */
	macsM: number;
	/** CIFAR-10 test accuracy, %. */
	accuracy: number;
}

export const PAPER_S_ABLATION: readonly PaperRow[] = PAPER_S_ABLATION_FULL.filter(
	(r) => r.value === null || r.value <= 4
).map((r) => ({ s: r.value, paramsM: r.paramsM, macsM: r.flopsM, accuracy: r.accuracy }));

export const PAPER_SETUP = { network: 'VGG-16', dataset: 'CIFAR-10', section: '§4.1' } as const;
