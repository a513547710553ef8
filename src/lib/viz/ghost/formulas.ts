/**
 * The calculator's equations as TeX, with the reader's values filled in (rendered by KaTeX in the
 * component). Symbols follow the paper and the article's display math (facts.md C.1). Each equation is
 * an aligned block, one step per line, so it fits a phone screen.
 */
import {
	checkAssumptions,
	compressionRatio,
	ghostModuleCost,
	ordinaryConvCost,
	paperApproximation,
	speedupRatio,
	type GhostModuleInput
} from './compression';
import { formatRatio, texEquals, texNumber } from './format';

export interface CalculatorFormulas {
	convFlops: string;
	ghostFlops: string;
	convParams: string;
	ghostParams: string;
	speedup: string;
	compression: string;
}

/**
 * `lhs = step1 \\ = step2 …`; a step that starts with a relation (\approx, =) keeps its own, and one that
 * starts with + continues the line above, indented.
 */
function aligned(lhs: string, steps: string[]): string {
	const lines = steps.map((step) => {
		if (step.startsWith('+')) return `&\\qquad ${step}`;
		return /^(=|\\approx|\\not\\approx)/.test(step) ? `&${step}` : `&= ${step}`;
	});
	return `\\begin{aligned} ${lhs} ${lines.join(' \\\\ ')} \\end{aligned}`;
}

/** n/s as the paper writes it: an integer, or the fraction n/s when s does not divide n. */
function intrinsicTex(n: number, s: number): string {
	return n % s === 0 ? String(n / s) : `\\tfrac{${n}}{${s}}`;
}

const product = (factors: (number | string)[]) => factors.join(' \\cdot ');

function costFormulas(p: GhostModuleInput): Omit<CalculatorFormulas, 'speedup' | 'compression'> {
	const conv = ordinaryConvCost(p);
	const ghost = ghostModuleCost(p);
	const m = intrinsicTex(p.n, p.s);
	return {
		convFlops: aligned('\\mathrm{FLOPs}_\\text{conv}', [
			"n \\cdot h' \\cdot w' \\cdot c \\cdot k \\cdot k",
			product([p.n, p.h, p.w, p.c, p.k, p.k]),
			texEquals(conv.flops)
		]),
		ghostFlops: aligned('\\mathrm{FLOPs}_\\text{Ghost}', [
			"\\tfrac{n}{s} \\cdot h' \\cdot w' \\cdot c \\cdot k \\cdot k",
			"+ (s-1) \\cdot \\tfrac{n}{s} \\cdot h' \\cdot w' \\cdot d \\cdot d",
			product([m, p.h, p.w, p.c, p.k, p.k]),
			`+ ${product([p.s - 1, m, p.h, p.w, p.d, p.d])}`,
			`${texEquals(ghost.primary.flops)} + ${texNumber(ghost.cheap.flops)}`,
			texEquals(ghost.flops)
		]),
		convParams: aligned('P_\\text{conv}', [
			'n \\cdot c \\cdot k \\cdot k',
			product([p.n, p.c, p.k, p.k]),
			texEquals(conv.params)
		]),
		ghostParams: aligned('P_\\text{Ghost}', [
			'\\tfrac{n}{s} \\cdot c \\cdot k \\cdot k + (s-1) \\cdot \\tfrac{n}{s} \\cdot d \\cdot d',
			`${product([m, p.c, p.k, p.k])} + ${product([p.s - 1, m, p.d, p.d])}`,
			texEquals(ghost.params)
		])
	};
}

const approxSign = (holds: boolean) => (holds ? '\\approx' : '\\not\\approx');

/**
 * "exact ≈ s·c/(s+c−1) ≈ s" with the reader's numbers; an approximation that misses by more than
 * APPROXIMATION_TOLERANCE is written ≉, so the equation itself shows when an assumption fails.
 */
function ratioSteps(p: GhostModuleInput, exact: number): string[] {
	const check = checkAssumptions(p);
	return [
		`= ${formatRatio(exact)}`,
		`${approxSign(check.kernelHolds)} \\frac{s \\cdot c}{s + c - 1} = \\frac{${p.s * p.c}}{${p.s + p.c - 1}} = ` +
			formatRatio(paperApproximation(p.s, p.c)),
		`${approxSign(check.channelHolds)} s = ${p.s}`
	];
}

export function calculatorFormulas(p: GhostModuleInput): CalculatorFormulas {
	const ckk = texNumber(p.c * p.k * p.k);
	return {
		...costFormulas(p),
		speedup: aligned('r_s', [
			'\\frac{\\mathrm{FLOPs}_\\text{conv}}{\\mathrm{FLOPs}_\\text{Ghost}}',
			'\\frac{c \\cdot k \\cdot k}{\\frac{1}{s} \\cdot c \\cdot k \\cdot k + \\frac{s-1}{s} \\cdot d \\cdot d}',
			`\\frac{${ckk}}{\\tfrac{1}{${p.s}} \\cdot ${ckk} + \\tfrac{${p.s - 1}}{${p.s}} \\cdot ${p.d * p.d}}`,
			...ratioSteps(p, speedupRatio(p))
		]),
		compression: aligned('r_c', [
			'\\frac{P_\\text{conv}}{P_\\text{Ghost}}',
			...ratioSteps(p, compressionRatio(p))
		])
	};
}
