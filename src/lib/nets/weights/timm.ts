/**
 * timm state_dict → our tensors (pure).
 *
 * Checks a checkpoint against everything a resolved spec expects (facts.md D): the family, every key,
 * every shape and the dtypes (`checkTimmHeader` makes these checks on the header alone, before a
 * download's data has arrived); BatchNorm's `num_batches_tracked` counters are optional and never read,
 * but checked like the rest (a BatchNorm of the spec, an I64 scalar), so that no declared tensor escapes
 * the checks; then converts PyTorch layouts to tfjs:
 * - conv weight OIHW [out, in, kh, kw] → HWIO [kh, kw, in, out];
 * - depthwise weight [C·m, 1, kh, kw] → [kh, kw, C, m] (m = channel multiplier; output channel c·m + j
 *   in both frameworks, so the Ghost cheap op with m = s − 1 maps the same way);
 * - linear weight [out, in] → [in, out]; biases and BatchNorm vectors unchanged.
 */
import type { Family, Layer, NetSpec } from '../spec/types';
import { timmStateDict, type StateDictEntry } from '../spec/state-dict';
import type { SafetensorsFile, StoredDtype } from './safetensors';

export type WeightLayout = 'HWIO' | 'HWCM' | 'IO' | 'C';

/** A tensor in tfjs layout, keyed by its timm name (e.g. 'blocks.1.0.conv_dw.weight'). */
export interface MappedTensor {
	key: string;
	layout: WeightLayout;
	shape: number[];
	values: Float32Array;
}

export type MappedWeights = Map<string, MappedTensor>;

export type WeightMappingErrorCode = 'family-mismatch' | 'keys' | 'shape' | 'dtype';

export interface ShapeMismatch {
	key: string;
	expected: number[];
	found: number[];
}

/** The checkpoint does not fit the spec; the fields name what is missing, unexpected or mis-shaped. */
export class WeightMappingError extends Error {
	readonly code: WeightMappingErrorCode;
	readonly missing: string[];
	readonly unexpected: string[];
	readonly mismatched: ShapeMismatch[];
	/** First offending key, with expected/found as text. */
	readonly key: string;
	readonly expected: string;
	readonly found: string;
	constructor(
		code: WeightMappingErrorCode,
		detail: {
			key: string;
			expected: string;
			found: string;
			missing?: string[];
			unexpected?: string[];
			mismatched?: ShapeMismatch[];
		},
		message: string
	) {
		super(message);
		this.name = 'WeightMappingError';
		this.code = code;
		this.key = detail.key;
		this.expected = detail.expected;
		this.found = detail.found;
		this.missing = detail.missing ?? [];
		this.unexpected = detail.unexpected ?? [];
		this.mismatched = detail.mismatched ?? [];
	}
}

const COUNTER = 'num_batches_tracked';
/** `<bn>.num_batches_tracked` of a BatchNorm the checkpoint must have (its running mean is expected). */
const isCounterOf = (key: string, expected: Set<string>) =>
	key.endsWith(`.${COUNTER}`) && expected.has(`${key.slice(0, -COUNTER.length)}running_mean`);
/** What PyTorch saves for a counter: a 0-d int64 tensor. */
const COUNTER_SHAPE: number[] = [];
const COUNTER_DTYPE: StoredDtype = 'I64';
const fmt = (shape: number[]) => `[${shape.join(', ')}]`;
const list = (keys: string[]) =>
	keys.length > 5 ? `${keys.slice(0, 5).join(', ')} … (${keys.length} in all)` : keys.join(', ');

/**
 * What the checks read from a checkpoint: its metadata and each tensor's name, dtype and shape, in file
 * order. A `SafetensorsHeader` is one, so a download can be checked before its data has arrived.
 */
export interface CheckpointHeader {
	metadata: Record<string, string>;
	entries: readonly { name: string; dtype: StoredDtype; shape: readonly number[] }[];
}

const headerOf = (file: SafetensorsFile | CheckpointHeader): CheckpointHeader =>
	'tensors' in file ? { metadata: file.metadata, entries: [...file.tensors.values()] } : file;

const FLOAT_DTYPES: readonly StoredDtype[] = ['F32', 'F16', 'BF16'];

/** The family a checkpoint (or its header) belongs to: metadata `family`, else recognised from key names. */
export function checkpointFamily(file: SafetensorsFile | CheckpointHeader): Family | null {
	const { metadata, entries } = headerOf(file);
	const declared = metadata.family;
	if (declared === 'efficientnet' || declared === 'ghostnet') return declared;
	if (entries.some((e) => /\.ghost[12]\./.test(e.name))) return 'ghostnet';
	if (entries.some((e) => /\.conv_pwl?\.|\.conv_pw\./.test(e.name))) return 'efficientnet';
	return null;
}

function checkFamily(spec: NetSpec, header: CheckpointHeader): void {
	const family = checkpointFamily(header);
	if (family && family !== spec.family) {
		const example = header.entries.find((e) => e.name.startsWith('blocks.'))?.name ?? '';
		throw new WeightMappingError(
			'family-mismatch',
			{ key: example, expected: spec.family, found: family },
			`checkpoint is a ${family} (e.g. ${example}), but the network is a ${spec.family} (${spec.name})`
		);
	}
}

function checkKeys(spec: NetSpec, names: string[], expected: Set<string>): void {
	const present = new Set(names);
	const missing = [...expected].filter((k) => !present.has(k));
	const unexpected = names.filter((k) => !expected.has(k) && !isCounterOf(k, expected));
	if (missing.length === 0 && unexpected.length === 0) return;
	const parts = [
		missing.length ? `missing ${list(missing)}` : '',
		unexpected.length ? `unexpected ${list(unexpected)}` : ''
	];
	throw new WeightMappingError(
		'keys',
		{
			key: missing[0] ?? unexpected[0],
			expected: missing.length ? 'present' : 'absent',
			found: missing.length ? 'missing' : 'present',
			missing,
			unexpected
		},
		`checkpoint does not match ${spec.name}: ${parts.filter(Boolean).join('; ')}`
	);
}

type HeaderEntries = Map<string, CheckpointHeader['entries'][number]>;

function checkShapes(spec: NetSpec, expected: StateDictEntry[], found: HeaderEntries): void {
	const mismatched: ShapeMismatch[] = [];
	for (const entry of expected) {
		const shape = [...found.get(entry.key)!.shape];
		if (shape.length !== entry.shape.length || shape.some((d, i) => d !== entry.shape[i])) {
			mismatched.push({ key: entry.key, expected: entry.shape, found: shape });
		}
	}
	if (mismatched.length === 0) return;
	const first = mismatched[0];
	throw new WeightMappingError(
		'shape',
		{ key: first.key, expected: fmt(first.expected), found: fmt(first.found), mismatched },
		`${first.key}: expected shape ${fmt(first.expected)} for ${spec.name}, found ${fmt(first.found)}` +
			(mismatched.length > 1 ? ` (and ${mismatched.length - 1} more mismatched tensors)` : '')
	);
}

function checkDtypes(expected: StateDictEntry[], found: HeaderEntries): void {
	for (const { key } of expected) {
		const { dtype } = found.get(key)!;
		if (FLOAT_DTYPES.includes(dtype)) continue;
		throw new WeightMappingError(
			'dtype',
			{ key, expected: FLOAT_DTYPES.join(' | '), found: dtype },
			`${key}: expected a float tensor, found ${dtype}`
		);
	}
}

/** The counters that are present (checkKeys let only those of the spec's BatchNorms through). */
function checkCounters(spec: NetSpec, header: CheckpointHeader, expected: Set<string>): void {
	for (const { name, shape, dtype } of header.entries) {
		if (expected.has(name) || !isCounterOf(name, expected)) continue;
		if (shape.length !== 0) {
			const detail = { key: name, expected: fmt(COUNTER_SHAPE), found: fmt([...shape]) };
			const mismatched = [{ key: name, expected: COUNTER_SHAPE, found: [...shape] }];
			throw new WeightMappingError(
				'shape',
				{ ...detail, mismatched },
				`${name}: expected shape [] (a counter of ${spec.name}), found ${detail.found}`
			);
		}
		if (dtype !== COUNTER_DTYPE) {
			throw new WeightMappingError(
				'dtype',
				{ key: name, expected: COUNTER_DTYPE, found: dtype },
				`${name}: expected an I64 counter, found ${dtype}`
			);
		}
	}
}

function checkAgainst(spec: NetSpec, header: CheckpointHeader, expected: StateDictEntry[]): void {
	checkFamily(spec, header);
	const names = header.entries.map((e) => e.name);
	const keys = new Set(expected.map((e) => e.key));
	checkKeys(spec, names, keys);
	const found: HeaderEntries = new Map(header.entries.map((e) => [e.name, e]));
	checkShapes(spec, expected, found);
	checkDtypes(expected, found);
	checkCounters(spec, header, keys);
}

/**
 * Every check of `mapTimmWeights` that needs no tensor values (family, keys, shapes, dtypes), on a
 * checkpoint's header alone; throws the same WeightMappingError the full mapping would.
 */
export function checkTimmHeader(spec: NetSpec, header: CheckpointHeader): void {
	checkAgainst(spec, header, timmStateDict(spec));
}

/** OIHW → HWIO. */
export function oihwToHwio(values: Float32Array, [o, i, h, w]: number[]): Float32Array {
	const out = new Float32Array(values.length);
	for (let a = 0; a < o; a++)
		for (let b = 0; b < i; b++)
			for (let y = 0; y < h; y++)
				for (let x = 0; x < w; x++)
					out[((y * w + x) * i + b) * o + a] = values[((a * i + b) * h + y) * w + x];
	return out;
}

/** Depthwise [C·m, 1, kh, kw] → [kh, kw, C, m]. */
export function depthwiseToHwcm(
	values: Float32Array,
	[cm, , h, w]: number[],
	channels: number
): Float32Array {
	const m = cm / channels;
	const out = new Float32Array(values.length);
	for (let c = 0; c < channels; c++)
		for (let j = 0; j < m; j++)
			for (let y = 0; y < h; y++)
				for (let x = 0; x < w; x++)
					out[((y * w + x) * channels + c) * m + j] = values[((c * m + j) * h + y) * w + x];
	return out;
}

/** Linear [out, in] → [in, out]. */
export function transpose2d(values: Float32Array, [rows, cols]: number[]): Float32Array {
	const out = new Float32Array(values.length);
	for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = values[r * cols + c];
	return out;
}

function convertWeight(layer: Layer, key: string, values: Float32Array): MappedTensor {
	const s = layer.weightShape;
	if (layer.op === 'linear')
		return { key, layout: 'IO', shape: [s[1], s[0]], values: transpose2d(values, s) };
	if (layer.op === 'depthwise') {
		const c = layer.inChannels;
		return { key, layout: 'HWCM', shape: [s[2], s[3], c, s[0] / c], values: depthwiseToHwcm(values, s, c) };
	}
	return { key, layout: 'HWIO', shape: [s[2], s[3], s[1], s[0]], values: oihwToHwio(values, s) };
}

/**
 * Check a timm checkpoint against a resolved spec and convert it to tfjs layouts. Throws
 * WeightMappingError ('family-mismatch', 'keys' with every missing/unexpected name, 'shape' with every
 * mismatch, 'dtype').
 */
export function mapTimmWeights(spec: NetSpec, file: SafetensorsFile): MappedWeights {
	const entries = timmStateDict(spec);
	checkAgainst(spec, headerOf(file), entries);
	const mapped: MappedWeights = new Map();
	for (const entry of entries) {
		// checkDtypes let only float dtypes through, and those decode to Float32Array.
		const values = file.tensors.get(entry.key)!.values as Float32Array;
		const tensor =
			entry.param === 'weight' && entry.layer.op !== 'bn'
				? convertWeight(entry.layer, entry.key, values)
				: { key: entry.key, layout: 'C' as const, shape: entry.shape, values };
		mapped.set(entry.key, tensor);
	}
	return mapped;
}
