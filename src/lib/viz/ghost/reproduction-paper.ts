/**
 * The GhostNet paper's ablation on the ratio s (§4.1: VGG-16 on CIFAR-10, d = 3, trained to convergence),
 * as recorded in /work/shared/reference/facts.md section C.5, "Ablation on s (ratio), VGG-16, d = 3".
 * Only the rows our reproduction has a counterpart for: the original network and s = 2, 3, 4.
 */
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

export const PAPER_S_ABLATION: readonly PaperRow[] = [
	{ s: null, paramsM: 15.0, macsM: 313, accuracy: 93.6 },
	{ s: 2, paramsM: 7.7, macsM: 158, accuracy: 93.7 },
	{ s: 3, paramsM: 5.2, macsM: 107, accuracy: 93.4 },
	{ s: 4, paramsM: 4.0, macsM: 80, accuracy: 93.0 }
];

export const PAPER_SETUP = { network: 'VGG-16', dataset: 'CIFAR-10', section: '§4.1' } as const;
