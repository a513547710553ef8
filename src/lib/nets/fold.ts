/**
 * BatchNorm folding (pure): conv → BN(γ, β, μ, σ²) equals one conv with weights W·s and bias β − μ·s
 * (+ conv bias · s), s = γ / sqrt(σ² + eps). Works on tfjs layouts HWIO and HWCM, whose last axes
 * enumerate the output channels in PyTorch order, so the output channel of element i is i % out.
 * Computed in float64, stored as float32.
 */

/** PyTorch BatchNorm2d default, used by timm efficientnet_* and ghostnet (facts.md D.2, D.3). */
export const BN_EPS = 1e-5;

export interface BatchNormParams {
	gamma: Float32Array;
	beta: Float32Array;
	mean: Float32Array;
	variance: Float32Array;
}

export function foldBatchNorm(
	weight: Float32Array,
	bn: BatchNormParams,
	convBias: Float32Array | null = null,
	eps = BN_EPS
): { weight: Float32Array; bias: Float32Array } {
	const out = bn.gamma.length;
	const scale = new Float64Array(out);
	const bias = new Float32Array(out);
	for (let c = 0; c < out; c++) {
		scale[c] = bn.gamma[c] / Math.sqrt(bn.variance[c] + eps);
		bias[c] = bn.beta[c] + ((convBias ? convBias[c] : 0) - bn.mean[c]) * scale[c];
	}
	const folded = new Float32Array(weight.length);
	for (let i = 0; i < weight.length; i++) folded[i] = weight[i] * scale[i % out];
	return { weight: folded, bias };
}

/** A conv's folded weights in a tfjs layout: HWIO for dense convs, HWCM for depthwise ones. */
export interface FoldedConv {
	weight: Float32Array;
	bias: Float32Array;
	shape: [number, number, number, number];
}

/**
 * A Ghost module (primary conv → cheap depthwise op → concat, sliced to `out`) as two convs that need no
 * concat: a wide primary conv whose output column init + j repeats primary channel ⌊j / m⌋ (the one the
 * cheap op reads, m = s − 1 ghost maps per intrinsic map), then a depthwise conv with multiplier 1 that
 * passes the first `init` channels through (centre tap 1, bias 0) and applies the cheap filters to the
 * rest. Because the primary output already went through the module's activation (ReLU or none) and both
 * are idempotent on it, the pass-through channels stay exactly the primary maps.
 * `primary`: HWIO [k, k, in, init]; `cheap`: HWCM [d, d, init, m]; `out` ≤ init · (1 + m).
 */
export function fuseGhostModule(
	primary: FoldedConv,
	cheap: FoldedConv,
	out: number
): { wide: FoldedConv; spread: FoldedConv } {
	const [kh, kw, cin, init] = primary.shape;
	const [dh, dw, , m] = cheap.shape;
	if (cheap.shape[2] !== init || out <= init || out > init * (1 + m))
		throw new Error(`fuseGhostModule: cannot fuse [${primary.shape}] + [${cheap.shape}] into ${out} maps`);
	const source = (q: number) => (q < init ? q : Math.floor((q - init) / m));
	const wide = new Float32Array(kh * kw * cin * out);
	for (let row = 0; row < kh * kw * cin; row++)
		for (let q = 0; q < out; q++) wide[row * out + q] = primary.weight[row * init + source(q)];
	const spread = new Float32Array(dh * dw * out);
	const centre = Math.floor(dh / 2) * dw + Math.floor(dw / 2);
	for (let tap = 0; tap < dh * dw; tap++)
		for (let q = 0; q < out; q++)
			spread[tap * out + q] = q < init ? (tap === centre ? 1 : 0) : cheap.weight[tap * init * m + (q - init)];
	const spreadBias = new Float32Array(out);
	spreadBias.set(cheap.bias.subarray(0, out - init), init);
	return {
		wide: {
			weight: wide,
			bias: Float32Array.from({ length: out }, (_, q) => primary.bias[source(q)]),
			shape: [kh, kw, cin, out]
		},
		spread: { weight: spread, bias: spreadBias, shape: [dh, dw, out, 1] }
	};
}

/**
 * A depthwise conv (HWCM [k, k, C, 1]) as two: channels [0, at) and [at, C). Since every channel is
 * filtered on its own, depthwise(concat(a, b)) = concat(depthwise₁(a), depthwise₂(b)): the concat of a
 * Ghost module moves behind the stride-2 depthwise conv that follows it, onto a quarter of the pixels.
 */
export function splitDepthwise(conv: FoldedConv, at: number): [FoldedConv, FoldedConv] {
	const [kh, kw, channels, multiplier] = conv.shape;
	if (multiplier !== 1 || at <= 0 || at >= channels)
		throw new Error(`splitDepthwise: cannot split [${conv.shape}] at channel ${at}`);
	const part = (from: number, to: number): FoldedConv => {
		const n = to - from;
		const weight = new Float32Array(kh * kw * n);
		for (let tap = 0; tap < kh * kw; tap++)
			weight.set(conv.weight.subarray(tap * channels + from, tap * channels + to), tap * n);
		return { weight, bias: conv.bias.slice(from, to), shape: [kh, kw, n, 1] };
	};
	return [part(0, at), part(at, channels)];
}
