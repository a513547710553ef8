/**
 * Cost of an ordinary convolution and of a Ghost module, and the paper's compression ratios
 * (GhostNet, arXiv 1911.11907, §3.1; facts.md C.1).
 *
 * The paper counts with m = n/s intrinsic maps (a real number when s does not divide n); the
 * implementation uses ⌈n/s⌉ and drops the surplus channels. `ghostModuleCost` follows the paper so the
 * ratios are the paper's; `implementationIntrinsic` gives the count the real module has.
 */

export interface GhostModuleInput {
	/** Ratio s: every intrinsic map yields s − 1 ghost maps plus itself (identity). */
	s: number;
	/** Kernel of the cheap linear operation (d × d depthwise). */
	d: number;
	/** Kernel of the ordinary / primary convolution (k × k). */
	k: number;
	/** Input channels. */
	c: number;
	/** Output channels (feature maps). */
	n: number;
	/** Output height h′ and width w′. */
	h: number;
	w: number;
}

export interface ConvCost {
	flops: number;
	params: number;
}

export interface GhostModuleCost extends ConvCost {
	/** m = n/s, as the paper counts. */
	intrinsic: number;
	/** (s − 1)·m ghost maps. */
	ghosts: number;
	primary: ConvCost;
	cheap: ConvCost;
}

/** n·h′·w′·c·k·k FLOPs (multiply-adds) and n·c·k·k weights. */
export function ordinaryConvCost(p: GhostModuleInput): ConvCost {
	return { flops: p.n * p.h * p.w * p.c * p.k * p.k, params: p.n * p.c * p.k * p.k };
}

/** (n/s)·h′·w′·c·k·k for the primary conv plus (s − 1)·(n/s)·h′·w′·d·d for the cheap operations. */
export function ghostModuleCost(p: GhostModuleInput): GhostModuleCost {
	const intrinsic = p.n / p.s;
	const ghosts = (p.s - 1) * intrinsic;
	const primary = { flops: intrinsic * p.h * p.w * p.c * p.k * p.k, params: intrinsic * p.c * p.k * p.k };
	const cheap = { flops: ghosts * p.h * p.w * p.d * p.d, params: ghosts * p.d * p.d };
	return {
		intrinsic,
		ghosts,
		primary,
		cheap,
		flops: primary.flops + cheap.flops,
		params: primary.params + cheap.params
	};
}

/** Intrinsic maps of the real module: ⌈n/s⌉ (official GhostModule `init_channels`). */
export function implementationIntrinsic(n: number, s: number): number {
	return Math.ceil(n / s);
}

/** Theoretical speed-up r_s = FLOPs(conv) / FLOPs(Ghost module). */
export function speedupRatio(p: GhostModuleInput): number {
	return ordinaryConvCost(p).flops / ghostModuleCost(p).flops;
}

/** Parameter compression r_c = params(conv) / params(Ghost module). */
export function compressionRatio(p: GhostModuleInput): number {
	return ordinaryConvCost(p).params / ghostModuleCost(p).params;
}

/** The paper's first approximation s·c / (s + c − 1), exact when d = k. */
export function paperApproximation(s: number, c: number): number {
	return (s * c) / (s + c - 1);
}

/** Relative error above which an approximation is called off in the UI. */
export const APPROXIMATION_TOLERANCE = 0.05;

export interface AssumptionCheck {
	/** d²/k²: 1 when the cheap kernel costs as much per tap as the primary one. */
	kernelAreaRatio: number;
	/** |s·c/(s+c−1) − r_s| / r_s: what assuming d×d ≈ k×k costs. */
	kernelError: number;
	kernelHolds: boolean;
	/** (s − s·c/(s+c−1)) / s = (s − 1)/(s + c − 1): how far the approximation falls short of s, relative to s. */
	channelError: number;
	channelHolds: boolean;
}

/** How far each of the paper's two approximations is from the exact ratio for these values. */
export function checkAssumptions(p: GhostModuleInput): AssumptionCheck {
	const exact = speedupRatio(p);
	const approx = paperApproximation(p.s, p.c);
	const kernelError = Math.abs(approx - exact) / exact;
	const channelError = Math.abs(p.s - approx) / p.s;
	return {
		kernelAreaRatio: (p.d * p.d) / (p.k * p.k),
		kernelError,
		kernelHolds: kernelError <= APPROXIMATION_TOLERANCE,
		channelError,
		channelHolds: channelError <= APPROXIMATION_TOLERANCE
	};
}

export interface RatioPoint {
	s: number;
	exact: number;
	approximation: number;
}

/** r_s against s = 1 … sMax for fixed c, d, k (r_s does not depend on n, h′, w′). */
export function speedupCurve(p: Omit<GhostModuleInput, 's'>, sMax: number): RatioPoint[] {
	const points: RatioPoint[] = [];
	for (let s = 1; s <= sMax; s++) {
		points.push({ s, exact: speedupRatio({ ...p, s }), approximation: paperApproximation(s, p.c) });
	}
	return points;
}
