/**
 * Channel and depth rounding shared by the reference implementations (facts.md A.5, C.6).
 * timm `make_divisible`, TPU/Keras `round_filters`, huawei `_make_divisible` all round to the nearest
 * multiple of the divisor (at least the divisor) and add one divisor when that lost more than 10%.
 */
export function makeDivisible(value: number, divisor: number): number {
	const rounded = Math.max(divisor, Math.floor((value + divisor / 2) / divisor) * divisor);
	return rounded < 0.9 * value ? rounded + divisor : rounded;
}

/** EfficientNet `round_filters`: scale by the width multiplier, then makeDivisible(·, 8). */
export function roundFilters(filters: number, width: number): number {
	return makeDivisible(filters * width, 8);
}

/** EfficientNet `round_repeats`: ceil(depth × repeats). */
export function roundRepeats(repeats: number, depth: number): number {
	return Math.ceil(depth * repeats);
}

/** PyTorch symmetric padding used by timm (`get_padding`): ((s − 1) + (k − 1)) // 2. */
export function symmetricPadding(kernel: number, stride: number): number {
	return Math.floor((stride - 1 + (kernel - 1)) / 2);
}

/** Output size of a convolution with symmetric padding. */
export function convOutputSize(size: number, kernel: number, stride: number, padding: number): number {
	return Math.floor((size + 2 * padding - kernel) / stride) + 1;
}
