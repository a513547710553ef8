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
