/**
 * The GhostNet paper's CIFAR-10 experiments (arXiv 1911.11907 §4.1; VGG-16 and ResNet-56, trained to
 * convergence), as recorded in /work/shared/reference/facts.md section C.5 from secondary copies of the
 * paper: the ablation on the cheap kernel d (s = 2), the ablation on the ratio s (d = 3), and the
 * comparison with pruning and compression methods. The table numbers are not checked against the PDF.
 */

export interface AblationRow {
	/** d or s; null for the original network (ordinary convolutions). */
	value: number | null;
	/** Weights in millions. */
	paramsM: number;
	/** FLOPs (multiply-adds) in millions. */
	flopsM: number;
	/** CIFAR-10 test accuracy, %. */
	accuracy: number;
}

const ablation = (value: number | null, paramsM: number, flopsM: number, accuracy: number): AblationRow => ({
	value,
	paramsM,
	flopsM,
	accuracy
});

/** "Ablation on d (depthwise kernel in the Ghost module), VGG-16, s = 2". */
export const PAPER_D_ABLATION: readonly AblationRow[] = [
	ablation(null, 15.0, 313, 93.6),
	ablation(1, 7.6, 157, 93.5),
	ablation(3, 7.7, 158, 93.7),
	ablation(5, 7.7, 160, 93.4),
	ablation(7, 7.7, 163, 93.1)
];

/** "Ablation on s (ratio), VGG-16, d = 3". */
export const PAPER_S_ABLATION_FULL: readonly AblationRow[] = [
	ablation(null, 15.0, 313, 93.6),
	ablation(2, 7.7, 158, 93.7),
	ablation(3, 5.2, 107, 93.4),
	ablation(4, 4.0, 80, 93.0),
	ablation(5, 3.3, 65, 92.9)
];

export type CompressionBase = 'VGG-16' | 'ResNet-56';

export interface CompressionRow {
	/** As the paper names it, e.g. "ℓ1-VGG-16". */
	model: string;
	base: CompressionBase;
	/** 'original': the uncompressed network; 'ghost': Ghost modules, s = 2; 'pruned': the other methods. */
	kind: 'original' | 'ghost' | 'pruned';
	/** Short name for the chart: the method ("ℓ1", "CP") or the base network. */
	short: string;
	/** Weights in millions; null where the paper gives none. */
	paramsM: number | null;
	flopsM: number;
	accuracy: number;
}

const compression = (
	model: string,
	base: CompressionBase,
	kind: CompressionRow['kind'],
	short: string,
	paramsM: number | null,
	flopsM: number,
	accuracy: number
): CompressionRow => ({ model, base, kind, short, paramsM, flopsM, accuracy });

/** "Comparison with compression methods". */
export const PAPER_COMPRESSION: readonly CompressionRow[] = [
	compression('VGG-16', 'VGG-16', 'original', 'VGG-16', 15, 313, 93.6),
	compression('ℓ1-VGG-16', 'VGG-16', 'pruned', 'ℓ1', 5.4, 206, 93.4),
	compression('SBP-VGG-16', 'VGG-16', 'pruned', 'SBP', null, 136, 92.5),
	compression('Ghost-VGG-16 (s=2)', 'VGG-16', 'ghost', 'Ghost', 7.7, 158, 93.7),
	compression('ResNet-56', 'ResNet-56', 'original', 'ResNet-56', 0.85, 125, 93.0),
	compression('CP-ResNet-56', 'ResNet-56', 'pruned', 'CP', null, 63, 92.0),
	compression('ℓ1-ResNet-56', 'ResNet-56', 'pruned', 'ℓ1', 0.73, 91, 92.5),
	compression('AMC-ResNet-56', 'ResNet-56', 'pruned', 'AMC', null, 63, 91.9),
	compression('Ghost-ResNet-56 (s=2)', 'ResNet-56', 'ghost', 'Ghost', 0.43, 63, 92.7)
];
