/**
 * A checkpoint's bytes as they arrive (pure): the safetensors header is read and checked as soon as it
 * is in, before anything is allocated for the data, and the file is then collected into one buffer of
 * the size the (checked) header gives.
 *
 * What the header alone can rule out, in this order: not safetensors (or an HTML page), a header or
 * data section larger than the file's known size (file.size, Content-Length, the size recorded in the
 * cache), no tensors at all, a dtype we do not decode, then the caller's check (another network).
 * Counters are tensors like any other here: every declared byte counts.
 */
import {
	readSafetensorsHeader,
	safetensorsHeaderEnd,
	SafetensorsError,
	isSupportedDtype
} from './safetensors';
import type { SafetensorsHeader } from './safetensors';
import { WeightsError } from './errors';

/** What the early header check reads from the first bytes of a file: a validated safetensors header. */
export interface HeaderSniff extends SafetensorsHeader {
	/** Tensor names, in header order. */
	names: string[];
}

export function looksLikeHtml(bytes: Uint8Array): boolean {
	let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	while (i < bytes.length && (bytes[i] === 0x20 || (bytes[i] >= 0x09 && bytes[i] <= 0x0d))) i++;
	return bytes[i] === 0x3c;
}

function notSafetensors(prefix: Uint8Array, why: string, cause?: unknown): WeightsError {
	if (looksLikeHtml(prefix))
		return new WeightsError('html-instead-of-weights', 'the response is an HTML page', { cause });
	return new WeightsError('invalid-file', `not a safetensors file: ${why}`, { cause });
}

/** `read(prefix)` with a SafetensorsError turned into 'html-instead-of-weights' or 'invalid-file'. */
function readPrefix<T>(prefix: Uint8Array, read: (prefix: Uint8Array) => T): T {
	try {
		return read(prefix);
	} catch (error) {
		if (!(error instanceof SafetensorsError)) throw error;
		throw notSafetensors(prefix, error.message, error);
	}
}

/**
 * Reads the safetensors header from the first bytes of a file (`readSafetensorsHeader`): null while
 * more bytes are needed, a WeightsError ('html-instead-of-weights' or 'invalid-file') thrown as soon
 * as the bytes cannot be a safetensors file. Everything but the data is validated here;
 * `readSafetensors` checks the whole file afterwards.
 */
export function sniffHeader(prefix: Uint8Array): HeaderSniff | null {
	const header = readPrefix(prefix, readSafetensorsHeader);
	return header && { ...header, names: header.entries.map((e) => e.name) };
}

/** 8 + the declared header length once 8 bytes are in (null before); throws when it cannot be safetensors. */
const headerEnd = (prefix: Uint8Array) => readPrefix(prefix, safetensorsHeaderEnd);

const exceedsFile = (declared: string, size: number) =>
	new WeightsError('exceeds-file', `the header declares ${declared}; the file has ${size} bytes`);

/**
 * The checks a valid header can still fail, before the data is allocated: `size` is the file's known
 * size (null when unknown: a download without Content-Length).
 */
export function checkHeader(header: SafetensorsHeader, size: number | null): void {
	const total = header.dataStart + header.dataBytes;
	if (size !== null && total > size) throw exceedsFile(`a file of ${total} bytes`, size);
	if (header.entries.length === 0) throw new WeightsError('no-tensors', 'the header declares no tensors');
	const unsupported = header.entries.find((e) => !isSupportedDtype(e.dtype));
	if (unsupported) {
		const { name, dtype } = unsupported;
		throw new WeightsError(
			'unsupported-dtype',
			`${name} is ${dtype}; only F32, F16 and BF16 weights are read`
		);
	}
}

/** The first bytes needed: the 8-byte length and the header's first byte, which must be `{`. */
const PREFIX_BYTES = 9;

/** Collects a body into one buffer sized from the header, reporting progress. */
export class BodyAssembler {
	/** The first chunks, until the header's length is known. */
	private head: Uint8Array[] = [];
	/** The header (8 + N bytes), filled as it arrives: one allocation, not one copy per chunk. */
	private headerBytes: Uint8Array | null = null;
	private header: HeaderSniff | null = null;
	private buffer: Uint8Array | null = null;
	loaded = 0;

	constructor(
		/** The file's size when known (file.size, Content-Length, the size recorded in the cache). */
		private readonly declared: number | null,
		private readonly onHeader: (header: HeaderSniff) => void
	) {}

	/** Known total: the header's once it arrived, before that the declared size. */
	get total(): number | null {
		return this.header ? this.header.dataStart + this.header.dataBytes : this.declared;
	}

	push(chunk: Uint8Array): void {
		const at = this.loaded;
		this.loaded += chunk.length;
		if (this.buffer) {
			const room = this.buffer.length - at;
			if (room > 0) this.buffer.set(room < chunk.length ? chunk.subarray(0, room) : chunk, at);
			return;
		}
		if (this.headerBytes) return this.pushHeader(chunk, at);
		this.head.push(chunk);
		if (this.loaded < PREFIX_BYTES) return;
		const prefix = concat(this.head, this.loaded);
		this.head = [];
		const end = headerEnd(prefix)!;
		if (this.declared !== null && end > this.declared)
			throw exceedsFile(`a header of ${end - 8} bytes`, this.declared);
		this.headerBytes = new Uint8Array(end);
		this.pushHeader(prefix, 0);
	}

	/** `chunk` starts at byte `at` of the file, within or after the header. */
	private pushHeader(chunk: Uint8Array, at: number): void {
		const target = this.headerBytes!;
		const fits = Math.max(0, Math.min(chunk.length, target.length - at));
		target.set(chunk.subarray(0, fits), at);
		if (at + chunk.length < target.length) return;
		const header = sniffHeader(target)!;
		checkHeader(header, this.declared);
		this.onHeader(header);
		this.header = header;
		this.buffer = new Uint8Array(header.dataStart + header.dataBytes);
		this.buffer.set(target.subarray(0, Math.min(target.length, this.buffer.length)));
		const rest = chunk.subarray(fits, fits + Math.max(0, this.buffer.length - target.length));
		this.buffer.set(rest, target.length);
		this.headerBytes = null;
	}

	/** The complete file; throws 'truncated' (or 'invalid-file' for no bytes at all). */
	finish(): Uint8Array {
		if (this.buffer && this.loaded >= this.buffer.length) return this.buffer;
		if (this.loaded === 0) throw new WeightsError('invalid-file', 'the file is empty');
		if (!this.buffer) {
			const prefix = this.headerBytes ?? concat(this.head, this.loaded);
			if (looksLikeHtml(prefix))
				throw new WeightsError('html-instead-of-weights', 'the response is an HTML page');
			throw new WeightsError('truncated', `the file ends inside its header after ${this.loaded} bytes`);
		}
		throw new WeightsError('truncated', `received ${this.loaded} of ${this.buffer.length} bytes`);
	}
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
	if (chunks.length === 1) return chunks[0];
	const out = new Uint8Array(length);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}
