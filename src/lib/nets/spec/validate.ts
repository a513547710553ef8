import { SpecError } from './types';

/** Sane ranges for spec options; anything outside gets a SpecError instead of NaN, a hang or a huge net. */
export const LIMITS = {
	width: { min: 0, max: 8 },
	depth: { min: 0, max: 10 },
	resolution: { min: 16, max: 1200 },
	phi: { min: -4, max: 12 },
	coefficient: { min: 0.5, max: 2 },
	numClasses: { min: 1, max: 100_000 },
	ghostRatio: { min: 2, max: 8 }
} as const;

function requireFinite(field: string, value: unknown): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new SpecError(field, value, 'must be a finite number');
	}
	return value;
}

/** A number in (min, max] (lower bound exclusive: multipliers must be positive). */
export function positiveUpTo(field: string, value: unknown, max: number): number {
	const v = requireFinite(field, value);
	if (v <= 0 || v > max) throw new SpecError(field, value, `must be in (0, ${max}]`);
	return v;
}

export function inClosedRange(field: string, value: unknown, min: number, max: number): number {
	const v = requireFinite(field, value);
	if (v < min || v > max) throw new SpecError(field, value, `must be in [${min}, ${max}]`);
	return v;
}

export function integerInRange(field: string, value: unknown, min: number, max: number): number {
	const v = inClosedRange(field, value, min, max);
	if (!Number.isInteger(v)) throw new SpecError(field, value, 'must be an integer');
	return v;
}

export function validResolution(value: unknown, field = 'resolution'): number {
	return integerInRange(field, value, LIMITS.resolution.min, LIMITS.resolution.max);
}

export function validNumClasses(value: unknown): number {
	return integerInRange('numClasses', value ?? 1000, LIMITS.numClasses.min, LIMITS.numClasses.max);
}
