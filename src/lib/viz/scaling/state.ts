/**
 * State of the Scaling lab: either an official variant (B0…B7, the reference code's hand-set
 * width/depth/resolution, facts.md A.4) or the compound form φ, α, β, γ (d = α^φ, w = β^φ, r = γ^φ).
 * A preset selects a variant; moving any slider switches to the compound form. Everything here is pure:
 * the URL query is parsed into a state with notes about every value that had to be corrected.
 */
import { COMPOUND_COEFFICIENTS, EFFICIENTNET_VARIANTS, SpecError, type EfficientNetVariant } from '$lib/nets';
import { resolveEfficientNetConfig } from '$lib/nets/spec/efficientnet';

export type Param = 'phi' | 'alpha' | 'beta' | 'gamma';
export const PARAMS: readonly Param[] = ['phi', 'alpha', 'beta', 'gamma'];

export interface Range {
	min: number;
	max: number;
	step: number;
	/** Decimals shown and written to the URL (matches the step). */
	decimals: number;
}

/** φ a little wider than B0…B8 (the spec accepts −4…12, but large φ with large α, β, γ does not fit). */
export const RANGES: Record<Param, Range> = {
	phi: { min: -3, max: 9, step: 0.1, decimals: 1 },
	alpha: { min: 1, max: 2, step: 0.01, decimals: 2 },
	beta: { min: 1, max: 2, step: 0.01, decimals: 2 },
	gamma: { min: 1, max: 2, step: 0.01, decimals: 2 }
};

export const VARIANTS = Object.keys(EFFICIENTNET_VARIANTS) as EfficientNetVariant[];

export interface ScalingState {
	phi: number;
	alpha: number;
	beta: number;
	gamma: number;
	/** Set while an official preset is shown; null in the compound (slider) form. */
	variant: EfficientNetVariant | null;
}

export type Compound = Pick<ScalingState, Param>;

/** The paper's Bn is φ = n of the compound scaling with α = 1.2, β = 1.1, γ = 1.15. */
export function variantPhi(variant: EfficientNetVariant): number {
	return VARIANTS.indexOf(variant);
}

export function variantState(variant: EfficientNetVariant): ScalingState {
	return { phi: variantPhi(variant), ...COMPOUND_COEFFICIENTS, variant };
}

export const DEFAULT_STATE: ScalingState = variantState('b0');

export type NoteKind =
	'not-a-number' | 'out-of-range' | 'rounded' | 'unknown-variant' | 'ignored' | 'phi-limited';

/** A value that was changed on its way into the state; `limit` names the spec field that set a φ limit. */
export interface StateNote {
	kind: NoteKind;
	param: Param | 'variant';
	given: string;
	used: string;
	limit?: string;
}

export function formatParam(param: Param, value: number): string {
	return value.toFixed(RANGES[param].decimals);
}

/** Round to the param's step (and to its decimals, so 0.30000000000000004 never shows up). */
export function snapToStep(param: Param, value: number): number {
	const { step, decimals } = RANGES[param];
	return Number((Math.round(value / step) * step).toFixed(decimals));
}

export function clampToRange(param: Param, value: number): number {
	const { min, max } = RANGES[param];
	return Math.min(max, Math.max(min, value));
}

function specAccepts(c: Compound): string | null {
	try {
		resolveEfficientNetConfig(c);
		return null;
	} catch (error) {
		if (error instanceof SpecError) return error.field;
		throw error;
	}
}

/**
 * Largest φ ≤ the given one (on the step grid) whose network the spec accepts: with large α, β or γ the
 * depth, width or resolution limits of the spec are reached before φ's own maximum. Validity is
 * monotone in φ because every coefficient is ≥ 1, so a bisection over grid indices finds it.
 */
export function limitPhi(c: Compound): { phi: number; limitedBy: string | null } {
	const limitedBy = specAccepts(c);
	if (limitedBy === null) return { phi: c.phi, limitedBy: null };
	const { min, step } = RANGES.phi;
	let lo = 0;
	let hi = Math.round((c.phi - min) / step);
	const phiAt = (i: number) => snapToStep('phi', min + i * step);
	if (specAccepts({ ...c, phi: phiAt(lo) }) !== null) return { phi: min, limitedBy };
	while (hi - lo > 1) {
		const mid = (lo + hi) >> 1;
		if (specAccepts({ ...c, phi: phiAt(mid) }) === null) lo = mid;
		else hi = mid;
	}
	return { phi: phiAt(lo), limitedBy };
}

/** Snap, clamp and fit φ to the spec; every correction but step rounding of slider input gets a note. */
export function normalizeCompound(c: Compound): { state: ScalingState; notes: StateNote[] } {
	const notes: StateNote[] = [];
	const fitted = { ...c };
	for (const param of PARAMS) {
		const clamped = snapToStep(param, clampToRange(param, c[param]));
		if (clamped !== snapToStep(param, c[param])) {
			notes.push({ kind: 'out-of-range', param, given: String(c[param]), used: formatParam(param, clamped) });
		}
		fitted[param] = clamped;
	}
	const { phi, limitedBy } = limitPhi(fitted);
	if (limitedBy !== null) {
		notes.push({
			kind: 'phi-limited',
			param: 'phi',
			given: formatParam('phi', fitted.phi),
			used: formatParam('phi', phi),
			limit: limitedBy
		});
	}
	return { state: { ...fitted, phi, variant: null }, notes };
}

/** Move one slider: the state leaves the preset and takes the compound form. */
export function setParam(
	state: ScalingState,
	param: Param,
	value: number
): { state: ScalingState; notes: StateNote[] } {
	const { variant: _variant, ...compound } = state;
	return normalizeCompound({ ...compound, [param]: value });
}

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

/** A strict number: '', 'abc', '3px', 'Infinity' and 'NaN' are not numbers (Number('') would be 0). */
export function parseNumber(text: string): number | null {
	if (!NUMBER.test(text)) return null;
	const value = Number(text);
	return Number.isFinite(value) ? value : null;
}

function parseVariant(text: string): EfficientNetVariant | null {
	const lower = text.trim().toLowerCase();
	return (VARIANTS as string[]).includes(lower) ? (lower as EfficientNetVariant) : null;
}

function parseCompound(query: URLSearchParams, notes: StateNote[]): Compound {
	const compound: Compound = { phi: 0, ...COMPOUND_COEFFICIENTS };
	for (const param of PARAMS) {
		const text = query.get(param);
		if (text === null) continue;
		const value = parseNumber(text);
		if (value === null) {
			notes.push({ kind: 'not-a-number', param, given: text, used: formatParam(param, compound[param]) });
			continue;
		}
		const snapped = snapToStep(param, value);
		if (snapped !== value && clampToRange(param, value) === value) {
			notes.push({ kind: 'rounded', param, given: text, used: formatParam(param, snapped) });
		}
		compound[param] = value;
	}
	return compound;
}

/**
 * State from a URL query (`?variant=b3` or `?phi=…&alpha=…&beta=…&gamma=…`). Never throws and never
 * yields NaN: bad values fall back to defaults, out-of-range ones are clamped, each with a note.
 */
export function parseQuery(query: URLSearchParams): { state: ScalingState; notes: StateNote[] } {
	const notes: StateNote[] = [];
	const variantText = query.get('variant');
	if (variantText !== null) {
		const variant = parseVariant(variantText);
		if (variant) {
			for (const param of PARAMS) {
				const given = query.get(param);
				if (given !== null) notes.push({ kind: 'ignored', param, given, used: variant.toUpperCase() });
			}
			return { state: variantState(variant), notes };
		}
	}
	const hasCompound = PARAMS.some((param) => query.has(param));
	if (variantText !== null) {
		const used = hasCompound ? 'φ, α, β, γ' : DEFAULT_STATE.variant!.toUpperCase();
		notes.push({ kind: 'unknown-variant', param: 'variant', given: variantText, used });
	}
	if (!hasCompound) return { state: DEFAULT_STATE, notes };
	const compound = parseCompound(query, notes);
	const normalized = normalizeCompound(compound);
	return { state: normalized.state, notes: [...notes, ...normalized.notes] };
}

export function parseSearch(search: string): { state: ScalingState; notes: StateNote[] } {
	return parseQuery(new URLSearchParams(search));
}

/** The query parameters that describe a state. */
export function stateQuery(state: ScalingState): Record<string, string> {
	if (state.variant) return { variant: state.variant };
	return Object.fromEntries(PARAMS.map((param) => [param, formatParam(param, state[param])]));
}

/** `search` with our parameters replaced by the state's; other parameters are kept in order. */
export function withStateQuery(search: string, state: ScalingState): string {
	const query = new URLSearchParams(search);
	for (const key of ['variant', ...PARAMS]) query.delete(key);
	for (const [key, value] of Object.entries(stateQuery(state))) query.set(key, value);
	const text = query.toString();
	return text ? `?${text}` : '';
}
