/**
 * safetensors reader (pure). Format (huggingface/safetensors): an 8-byte little-endian header length N,
 * N bytes of JSON `{ "__metadata__"?: {string: string}, name: { dtype, shape, data_offsets: [begin, end] } }`,
 * then the data; offsets are relative to the start of the data.
 *
 * Every check a hostile or broken file could fail is made before any tensor is decoded: declared header
 * length within the file and at most 100 MB, valid JSON, known dtypes, integer shapes, offsets inside
 * the data, no two tensors overlapping, byte length = product(shape) × dtype size. Float tensors
 * (F32, F16, BF16) decode to Float32Array, I64 to BigInt64Array.
 */

export type Dtype = 'F32' | 'F16' | 'BF16' | 'I64';

export const DTYPE_BYTES: Record<Dtype, number> = { F32: 4, F16: 2, BF16: 2, I64: 8 };

export const MAX_HEADER_BYTES = 100 * 1024 * 1024;

export type SafetensorsErrorCode =
	| 'truncated'
	| 'header-too-large'
	| 'bad-json'
	| 'bad-entry'
	| 'unknown-dtype'
	| 'offset-out-of-range'
	| 'overlap'
	| 'byte-length';

/** A malformed safetensors file; `key` names the tensor (or 'header'), `expected` / `found` the values. */
export class SafetensorsError extends Error {
	readonly code: SafetensorsErrorCode;
	readonly key: string;
	readonly expected: string;
	readonly found: string;
	constructor(code: SafetensorsErrorCode, key: string, expected: string, found: string) {
		super(`safetensors ${code} at ${key}: expected ${expected}, found ${found}`);
		this.name = 'SafetensorsError';
		this.code = code;
		this.key = key;
		this.expected = expected;
		this.found = found;
	}
}

export interface TensorEntry {
	name: string;
	dtype: Dtype;
	shape: number[];
	/** F32/F16/BF16 → Float32Array; I64 → BigInt64Array. */
	values: Float32Array | BigInt64Array;
}

export interface SafetensorsFile {
	metadata: Record<string, string>;
	/** In header order. */
	tensors: Map<string, TensorEntry>;
}

interface HeaderEntry {
	name: string;
	dtype: Dtype;
	shape: number[];
	begin: number;
	end: number;
}

function readHeaderJson(bytes: Uint8Array): { json: unknown; dataStart: number } {
	if (bytes.byteLength < 8)
		throw new SafetensorsError('truncated', 'header', 'at least 8 bytes', `${bytes.byteLength} bytes`);
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const declared = view.getBigUint64(0, true);
	if (declared > BigInt(MAX_HEADER_BYTES)) {
		throw new SafetensorsError(
			'header-too-large',
			'header',
			`at most ${MAX_HEADER_BYTES} bytes`,
			`${declared} bytes`
		);
	}
	const length = Number(declared);
	if (8 + length > bytes.byteLength) {
		throw new SafetensorsError(
			'truncated',
			'header',
			`${length} header bytes`,
			`${bytes.byteLength - 8} bytes after the length`
		);
	}
	const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(8, 8 + length));
	try {
		return { json: JSON.parse(text), dataStart: 8 + length };
	} catch (e) {
		throw new SafetensorsError('bad-json', 'header', 'valid JSON', (e as Error).message);
	}
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function parseMetadata(value: unknown): Record<string, string> {
	if (value === undefined) return {};
	if (!isPlainObject(value) || !Object.values(value).every((v) => typeof v === 'string')) {
		throw new SafetensorsError('bad-entry', '__metadata__', 'an object of strings', JSON.stringify(value));
	}
	return value as Record<string, string>;
}

function parseEntry(name: string, value: unknown, dataLength: number): HeaderEntry {
	if (!isPlainObject(value))
		throw new SafetensorsError('bad-entry', name, 'an object', JSON.stringify(value));
	const { dtype, shape, data_offsets: offsets } = value;
	if (typeof dtype !== 'string' || !(dtype in DTYPE_BYTES)) {
		throw new SafetensorsError('unknown-dtype', name, Object.keys(DTYPE_BYTES).join(' | '), String(dtype));
	}
	if (!Array.isArray(shape) || !shape.every(isCount)) {
		throw new SafetensorsError(
			'bad-entry',
			name,
			'shape: array of non-negative integers',
			JSON.stringify(shape)
		);
	}
	if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount)) {
		throw new SafetensorsError('bad-entry', name, 'data_offsets: [begin, end]', JSON.stringify(offsets));
	}
	const [begin, end] = offsets as number[];
	if (begin > end || end > dataLength) {
		throw new SafetensorsError(
			'offset-out-of-range',
			name,
			`0 <= begin <= end <= ${dataLength}`,
			`[${begin}, ${end}]`
		);
	}
	const expectedBytes = shape.reduce((a: number, b: number) => a * b, 1) * DTYPE_BYTES[dtype as Dtype];
	if (end - begin !== expectedBytes) {
		throw new SafetensorsError(
			'byte-length',
			name,
			`${expectedBytes} bytes for ${dtype} [${shape.join(', ')}]`,
			`${end - begin} bytes`
		);
	}
	return { name, dtype: dtype as Dtype, shape: shape as number[], begin, end };
}

function checkOverlaps(entries: HeaderEntry[]): void {
	const sorted = entries.filter((e) => e.end > e.begin).sort((a, b) => a.begin - b.begin);
	for (let i = 1; i < sorted.length; i++) {
		const prev = sorted[i - 1];
		if (sorted[i].begin < prev.end) {
			throw new SafetensorsError(
				'overlap',
				sorted[i].name,
				`begin >= ${prev.end} (end of ${prev.name})`,
				`begin ${sorted[i].begin}`
			);
		}
	}
}

function f16ToF32(h: number): number {
	const sign = h & 0x8000 ? -1 : 1;
	const exponent = (h >> 10) & 0x1f;
	const fraction = h & 0x3ff;
	if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
	if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
	return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

function decode(bytes: Uint8Array, entry: HeaderEntry): Float32Array | BigInt64Array {
	// A fresh, aligned copy (Node's Buffer.slice would return a view into a shared pool instead).
	const chunk = new Uint8Array(entry.end - entry.begin);
	chunk.set(bytes.subarray(entry.begin, entry.end));
	if (entry.dtype === 'F32') return new Float32Array(chunk.buffer, 0, chunk.byteLength / 4);
	if (entry.dtype === 'I64') return new BigInt64Array(chunk.buffer, 0, chunk.byteLength / 8);
	const halves = new Uint16Array(chunk.buffer, 0, chunk.byteLength / 2);
	const out = new Float32Array(halves.length);
	if (entry.dtype === 'BF16') {
		const bits = new Uint32Array(out.buffer);
		for (let i = 0; i < halves.length; i++) bits[i] = halves[i] << 16;
	} else {
		for (let i = 0; i < halves.length; i++) out[i] = f16ToF32(halves[i]);
	}
	return out;
}

/** Parse and validate a safetensors file; throws SafetensorsError. Tensor data is copied. */
export function readSafetensors(input: Uint8Array | ArrayBuffer): SafetensorsFile {
	const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
	const { json, dataStart } = readHeaderJson(bytes);
	if (!isPlainObject(json)) throw new SafetensorsError('bad-json', 'header', 'a JSON object', typeof json);
	const data = bytes.subarray(dataStart);
	const metadata = parseMetadata(json.__metadata__);
	const entries = Object.entries(json)
		.filter(([name]) => name !== '__metadata__')
		.map(([name, value]) => parseEntry(name, value, data.byteLength));
	checkOverlaps(entries);
	const tensors = new Map<string, TensorEntry>();
	for (const e of entries)
		tensors.set(e.name, { name: e.name, dtype: e.dtype, shape: e.shape, values: decode(data, e) });
	return { metadata, tensors };
}

/** Encode F32 / I64 tensors as a safetensors file (tests, tools). */
export function writeSafetensors(
	tensors: { name: string; shape: number[]; values: Float32Array | BigInt64Array }[],
	metadata: Record<string, string> = {}
): Uint8Array {
	let offset = 0;
	const header: Record<string, unknown> = Object.keys(metadata).length ? { __metadata__: metadata } : {};
	for (const t of tensors) {
		const dtype = t.values instanceof Float32Array ? 'F32' : 'I64';
		header[t.name] = { dtype, shape: t.shape, data_offsets: [offset, offset + t.values.byteLength] };
		offset += t.values.byteLength;
	}
	const json = new TextEncoder().encode(JSON.stringify(header));
	const out = new Uint8Array(8 + json.byteLength + offset);
	new DataView(out.buffer).setBigUint64(0, BigInt(json.byteLength), true);
	out.set(json, 8);
	let at = 8 + json.byteLength;
	for (const t of tensors) {
		out.set(new Uint8Array(t.values.buffer, t.values.byteOffset, t.values.byteLength), at);
		at += t.values.byteLength;
	}
	return out;
}
