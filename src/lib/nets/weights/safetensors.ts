/**
 * safetensors reader (pure). Format (huggingface/safetensors): an 8-byte little-endian header length N,
 * N bytes of UTF-8 JSON starting with `{`:
 * `{ "__metadata__"?: {string: string}, name: { dtype, shape, data_offsets: [begin, end] } }`,
 * then the data; offsets are relative to the start of the data.
 *
 * Every check a hostile or broken file could fail is made before any tensor is decoded: declared header
 * length within the file and at most 100 MB, valid JSON, dtypes of the format, integer shapes, offsets
 * inside the data, tensors that neither overlap nor leave holes (the format requires the data to be
 * covered exactly), byte length = product(shape) × dtype size. All but "inside the data" need only the
 * header, so `readSafetensorsHeader` makes them on the first bytes of a download and `readSafetensors`
 * reuses it. Every dtype of the format is read in a header; only F32, F16, BF16 (decoded to
 * Float32Array) and I64 (BigInt64Array) are decoded, others are refused as 'unsupported-dtype'.
 */

/** The dtypes we decode. */
export type Dtype = 'F32' | 'F16' | 'BF16' | 'I64';

export const DTYPE_BYTES: Record<Dtype, number> = { F32: 4, F16: 2, BF16: 2, I64: 8 };

/** Every dtype of the safetensors format (huggingface/safetensors `Dtype`), with its size in bytes. */
export const STORED_DTYPE_BYTES = {
	...DTYPE_BYTES,
	BOOL: 1,
	U8: 1,
	I8: 1,
	F8_E5M2: 1,
	F8_E4M3: 1,
	I16: 2,
	U16: 2,
	I32: 4,
	U32: 4,
	F64: 8,
	U64: 8
} as const;

/** A dtype a valid safetensors file may declare; `Dtype` are the ones we decode. */
export type StoredDtype = keyof typeof STORED_DTYPE_BYTES;

export const isSupportedDtype = (dtype: StoredDtype): dtype is Dtype => Object.hasOwn(DTYPE_BYTES, dtype);

export const MAX_HEADER_BYTES = 100 * 1024 * 1024;

export type SafetensorsErrorCode =
	| 'truncated'
	| 'header-too-large'
	| 'bad-json'
	| 'bad-entry'
	| 'unknown-dtype'
	| 'unsupported-dtype'
	| 'offset-out-of-range'
	| 'overlap'
	| 'hole'
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

/** One tensor as the header declares it; `begin` / `end` are byte offsets into the data section. */
export interface SafetensorsHeaderEntry {
	name: string;
	dtype: StoredDtype;
	shape: number[];
	begin: number;
	end: number;
}

/** A validated header, read before (or without) the tensor data. */
export interface SafetensorsHeader {
	/** 8 + header length: where the data section starts in the file. */
	dataStart: number;
	/** Largest `end` offset: data bytes the file must have after `dataStart`. */
	dataBytes: number;
	metadata: Record<string, string>;
	/** In header order. */
	entries: SafetensorsHeaderEntry[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

const OPEN_BRACE = 0x7b;

/**
 * 8 + the declared header length, once the 8-byte length prefix is in (null before). Throws
 * 'header-too-large' for a length over MAX_HEADER_BYTES, and 'bad-json' once the first header byte is
 * in and is not `{` (the format requires the header to start with it), so a stream of something else
 * is refused after 9 bytes instead of after the header it seems to declare.
 */
export function safetensorsHeaderEnd(prefix: Uint8Array): number | null {
	if (prefix.byteLength < 8) return null;
	const declared = new DataView(prefix.buffer, prefix.byteOffset, 8).getBigUint64(0, true);
	if (declared > BigInt(MAX_HEADER_BYTES)) {
		throw new SafetensorsError(
			'header-too-large',
			'header',
			`at most ${MAX_HEADER_BYTES} bytes`,
			`${declared} bytes`
		);
	}
	if (prefix.byteLength > 8 && prefix[8] !== OPEN_BRACE) {
		throw new SafetensorsError('bad-json', 'header', 'a header starting with {', `byte ${prefix[8]}`);
	}
	return 8 + Number(declared);
}

function parseHeaderJson(bytes: Uint8Array): Record<string, unknown> {
	let json: unknown;
	try {
		json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch (e) {
		throw new SafetensorsError('bad-json', 'header', 'valid UTF-8 JSON', (e as Error).message);
	}
	if (!isPlainObject(json))
		throw new SafetensorsError(
			'bad-json',
			'header',
			'a JSON object',
			Array.isArray(json) ? 'array' : typeof json
		);
	return json;
}

function parseMetadata(value: unknown): Record<string, string> {
	if (value === undefined) return {};
	if (!isPlainObject(value) || !Object.values(value).every((v) => typeof v === 'string')) {
		throw new SafetensorsError('bad-entry', '__metadata__', 'an object of strings', JSON.stringify(value));
	}
	return value as Record<string, string>;
}

/** Checks one entry on its own; where its data lies within the file is checked once the size is known. */
function parseEntry(name: string, value: unknown): SafetensorsHeaderEntry {
	if (!isPlainObject(value))
		throw new SafetensorsError('bad-entry', name, 'an object', JSON.stringify(value));
	const { dtype, shape, data_offsets: offsets } = value;
	if (typeof dtype !== 'string' || !Object.hasOwn(STORED_DTYPE_BYTES, dtype)) {
		const known = Object.keys(STORED_DTYPE_BYTES).join(' | ');
		throw new SafetensorsError('unknown-dtype', name, known, String(dtype).slice(0, 40));
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
	if (begin > end) {
		throw new SafetensorsError('offset-out-of-range', name, '0 <= begin <= end', `[${begin}, ${end}]`);
	}
	const expectedBytes =
		shape.reduce((a: number, b: number) => a * b, 1) * STORED_DTYPE_BYTES[dtype as StoredDtype];
	if (end - begin !== expectedBytes) {
		throw new SafetensorsError(
			'byte-length',
			name,
			`${expectedBytes} bytes for ${dtype} [${shape.join(', ')}]`,
			`${end - begin} bytes`
		);
	}
	return { name, dtype: dtype as StoredDtype, shape: shape as number[], begin, end };
}

/**
 * Tensors must tile the data section: no overlap, and no hole (a hole would let a header declare a
 * data section of any size, and the reader allocate it, with one tiny tensor at a huge offset).
 */
function checkLayout(entries: SafetensorsHeaderEntry[]): void {
	const sorted = entries.filter((e) => e.end > e.begin).sort((a, b) => a.begin - b.begin);
	let covered = 0;
	let previous = 'the start of the data';
	for (const entry of sorted) {
		if (entry.begin < covered) {
			throw new SafetensorsError(
				'overlap',
				entry.name,
				`begin >= ${covered} (end of ${previous})`,
				`begin ${entry.begin}`
			);
		}
		if (entry.begin > covered) {
			throw new SafetensorsError(
				'hole',
				entry.name,
				`begin = ${covered} (end of ${previous})`,
				`begin ${entry.begin}`
			);
		}
		covered = entry.end;
		previous = entry.name;
	}
}

/**
 * Reads and validates the header from the first bytes of a file: null until all 8 + N header bytes
 * are present, then everything `readSafetensors` checks except that the data has arrived (declared
 * length, JSON, metadata, dtypes, shapes, offsets, overlaps and holes, byte lengths). Throws SafetensorsError,
 * early where the bytes present already rule the file out (see `safetensorsHeaderEnd`).
 */
export function readSafetensorsHeader(prefix: Uint8Array | ArrayBuffer): SafetensorsHeader | null {
	const bytes = prefix instanceof Uint8Array ? prefix : new Uint8Array(prefix);
	const dataStart = safetensorsHeaderEnd(bytes);
	if (dataStart === null || bytes.byteLength < dataStart) return null;
	const json = parseHeaderJson(bytes.subarray(8, dataStart));
	const metadata = parseMetadata(json.__metadata__);
	const entries = Object.entries(json)
		.filter(([name]) => name !== '__metadata__')
		.map(([name, value]) => parseEntry(name, value));
	checkLayout(entries);
	const dataBytes = entries.reduce((most, e) => Math.max(most, e.end), 0);
	return { dataStart, dataBytes, metadata, entries };
}

function truncatedHeader(bytes: Uint8Array): SafetensorsError {
	const dataStart = safetensorsHeaderEnd(bytes);
	if (dataStart === null)
		return new SafetensorsError('truncated', 'header', 'at least 8 bytes', `${bytes.byteLength} bytes`);
	return new SafetensorsError(
		'truncated',
		'header',
		`${dataStart - 8} header bytes`,
		`${bytes.byteLength - 8} bytes after the length`
	);
}

function f16ToF32(h: number): number {
	const sign = h & 0x8000 ? -1 : 1;
	const exponent = (h >> 10) & 0x1f;
	const fraction = h & 0x3ff;
	if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
	if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
	return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

let f16Table: Float32Array | null = null;

/** Every float16 bit pattern's value (256 kB, made once): decoding is then one lookup per weight. */
function f16Values(): Float32Array {
	if (!f16Table) {
		f16Table = new Float32Array(0x10000);
		for (let h = 0; h < 0x10000; h++) f16Table[h] = f16ToF32(h);
	}
	return f16Table;
}

function decode(
	bytes: Uint8Array,
	entry: SafetensorsHeaderEntry & { dtype: Dtype }
): Float32Array | BigInt64Array {
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
		const values = f16Values();
		for (let i = 0; i < halves.length; i++) out[i] = values[halves[i]];
	}
	return out;
}

/** Parse and validate a safetensors file; throws SafetensorsError. Tensor data is copied. */
export function readSafetensors(input: Uint8Array | ArrayBuffer): SafetensorsFile {
	const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
	const header = readSafetensorsHeader(bytes);
	if (!header) throw truncatedHeader(bytes);
	const data = bytes.subarray(header.dataStart);
	const outside = header.entries.find((e) => e.end > data.byteLength);
	if (outside) {
		throw new SafetensorsError(
			'offset-out-of-range',
			outside.name,
			`0 <= begin <= end <= ${data.byteLength}`,
			`[${outside.begin}, ${outside.end}]`
		);
	}
	const unsupported = header.entries.find((e) => !isSupportedDtype(e.dtype));
	if (unsupported) {
		const { name, dtype } = unsupported;
		throw new SafetensorsError('unsupported-dtype', name, Object.keys(DTYPE_BYTES).join(' | '), dtype);
	}
	const tensors = new Map<string, TensorEntry>();
	for (const e of header.entries as (SafetensorsHeaderEntry & { dtype: Dtype })[])
		tensors.set(e.name, { name: e.name, dtype: e.dtype, shape: e.shape, values: decode(data, e) });
	return { metadata: header.metadata, tensors };
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
