/**
 * The GhostNet paper's ImageNet comparison of small networks (arXiv 1911.11907 §4.2, usually cited as
 * Table 7), as recorded in /work/shared/reference/facts.md section C.4 from secondary copies of the paper
 * (the GhostNet rows also match Papers with Code). FLOPs are the paper's multiply-adds, rounded to
 * millions; top-5 is null where the paper gives none.
 */

/** Groups of the chart: one colour and shape each. */
export type ModelFamily = 'ghostnet' | 'mobilenet' | 'shufflenet' | 'other';

export interface ImageNetRow {
	model: string;
	family: ModelFamily;
	/** GhostNet width multiplier (0.5, 1, 1.3); null for the other networks. */
	ghostWidth: number | null;
	/** Weights in millions. */
	paramsM: number;
	/** FLOPs (multiply-adds) in millions. */
	flopsM: number;
	/** ImageNet top-1 and top-5 accuracy, %. */
	top1: number;
	top5: number | null;
}

const row = (
	model: string,
	family: ModelFamily,
	paramsM: number,
	flopsM: number,
	top1: number,
	top5: number | null,
	ghostWidth: number | null = null
): ImageNetRow => ({ model, family, ghostWidth, paramsM, flopsM, top1, top5 });

export const PAPER_IMAGENET: readonly ImageNetRow[] = [
	row('ShuffleNetV1 0.5× (g=8)', 'shufflenet', 1.0, 40, 58.8, 81.0),
	row('MobileNetV2 0.35×', 'mobilenet', 1.7, 59, 60.3, 82.9),
	row('ShuffleNetV2 0.5×', 'shufflenet', 1.4, 41, 61.1, 82.6),
	row('MobileNetV3 Small 0.75×', 'mobilenet', 2.4, 44, 65.4, null),
	row('GhostNet 0.5×', 'ghostnet', 2.6, 42, 66.2, 86.6, 0.5),
	row('MobileNetV1 0.5×', 'mobilenet', 1.3, 150, 63.3, 84.9),
	row('MobileNetV2 0.6×', 'mobilenet', 2.2, 141, 66.7, null),
	row('ShuffleNetV1 1.0× (g=3)', 'shufflenet', 1.9, 138, 67.8, 87.7),
	row('ShuffleNetV2 1.0×', 'shufflenet', 2.3, 146, 69.4, 88.9),
	row('MobileNetV3 Large 0.75×', 'mobilenet', 4.0, 155, 73.3, null),
	row('GhostNet 1.0×', 'ghostnet', 5.2, 141, 73.9, 91.4, 1),
	row('MobileNetV2 1.0×', 'mobilenet', 3.5, 300, 71.8, 91.0),
	row('ShuffleNetV2 1.5×', 'shufflenet', 3.5, 299, 72.6, 90.6),
	row('FE-Net 1.0×', 'other', 3.7, 301, 72.9, null),
	row('FBNet-B', 'other', 4.5, 295, 74.1, null),
	row('ProxylessNAS', 'other', 4.1, 320, 74.6, 92.2),
	row('MnasNet-A1', 'other', 3.9, 312, 75.2, 92.5),
	row('MobileNetV3 Large 1.0×', 'mobilenet', 5.4, 219, 75.2, null),
	row('GhostNet 1.3×', 'ghostnet', 7.3, 226, 75.7, 92.7, 1.3)
];
