/**
 * ImageNet results of the EfficientNet paper, Table 2 (arXiv:1905.11946), as compiled in
 * shared/reference/facts.md A.3. Top-1 of B0…B7 and the comparison rows are from the original
 * version (v1–v3 text); the latest version (v5, Sep 2020) changed the top-1 of B0…B7 but not their
 * params or FLOPS, and its comparison rows could not be checked, so only B0…B7 get a v5 point.
 * FLOPS are the paper's (multiply-adds); GPipe has no FLOPS in the table and is left out.
 */
import type { EfficientNetVariant } from '$lib/nets';

export interface PaperResult {
	name: string;
	top1: number;
	/** Billions of FLOPS as printed. */
	flops: number;
	/** Millions of parameters as printed. */
	params: number;
}

export interface EfficientNetResult extends PaperResult {
	variant: EfficientNetVariant;
	top1V5: number;
}

export const PAPER_SOURCE = {
	arxiv: '1905.11946',
	original: 'v1–v3',
	latest: 'v5'
} as const;

export const EFFICIENTNET_RESULTS: EfficientNetResult[] = [
	{ variant: 'b0', name: 'EfficientNet-B0', top1: 76.3, top1V5: 77.1, params: 5.3, flops: 0.39 },
	{ variant: 'b1', name: 'EfficientNet-B1', top1: 78.8, top1V5: 79.1, params: 7.8, flops: 0.7 },
	{ variant: 'b2', name: 'EfficientNet-B2', top1: 79.8, top1V5: 80.1, params: 9.2, flops: 1.0 },
	{ variant: 'b3', name: 'EfficientNet-B3', top1: 81.1, top1V5: 81.6, params: 12, flops: 1.8 },
	{ variant: 'b4', name: 'EfficientNet-B4', top1: 82.6, top1V5: 82.9, params: 19, flops: 4.2 },
	{ variant: 'b5', name: 'EfficientNet-B5', top1: 83.3, top1V5: 83.6, params: 30, flops: 9.9 },
	{ variant: 'b6', name: 'EfficientNet-B6', top1: 84.0, top1V5: 84.0, params: 43, flops: 19 },
	{ variant: 'b7', name: 'EfficientNet-B7', top1: 84.4, top1V5: 84.3, params: 66, flops: 37 }
];

/** Comparison rows of the original Table 2 (v1–v3). */
export const COMPARISON_RESULTS: PaperResult[] = [
	{ name: 'ResNet-50', top1: 76.0, params: 26, flops: 4.1 },
	{ name: 'DenseNet-169', top1: 76.2, params: 14, flops: 3.5 },
	{ name: 'ResNet-152', top1: 77.8, params: 60, flops: 11 },
	{ name: 'DenseNet-264', top1: 77.9, params: 34, flops: 6.0 },
	{ name: 'Inception-v3', top1: 78.8, params: 24, flops: 5.7 },
	{ name: 'Xception', top1: 79.0, params: 23, flops: 8.4 },
	{ name: 'Inception-v4', top1: 80.0, params: 48, flops: 13 },
	{ name: 'Inception-ResNet-v2', top1: 80.1, params: 56, flops: 13 },
	{ name: 'ResNeXt-101', top1: 80.9, params: 84, flops: 32 },
	{ name: 'PolyNet', top1: 81.3, params: 92, flops: 35 },
	{ name: 'SENet', top1: 82.7, params: 146, flops: 42 },
	{ name: 'NASNet-A', top1: 82.7, params: 89, flops: 24 },
	{ name: 'AmoebaNet-A', top1: 82.8, params: 87, flops: 23 },
	{ name: 'PNASNet', top1: 82.9, params: 86, flops: 23 },
	{ name: 'AmoebaNet-C', top1: 83.5, params: 155, flops: 41 }
];
