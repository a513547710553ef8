/**
 * IDX reader (pure): the format of MNIST and Fashion-MNIST (http://yann.lecun.com/exdb/mnist/, "THE IDX
 * FILE FORMAT"). Layout: two zero bytes, a type code (0x08 uint8, 0x09 int8, 0x0B int16, 0x0C int32,
 * 0x0D float32, 0x0E float64), the number of dimensions, one big-endian uint32 per dimension, then the
 * values, big-endian, row-major. The distributed files are gzip-compressed: decompress them first
 * (DecompressionStream in a browser, zlib in Node); a gzip stream given here is reported as such.
 */

export type IdxDtype = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

export type IdxData = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

export interface IdxArray {
	dtype: IdxDtype;
	shape: number[];
	/** Row-major values. uint8 / int8 data are views into the given bytes (no copy). */
	data: IdxData;
}

export type IdxErrorCode = 'truncated' | 'gzip' | 'magic' | 'dtype' | 'dims' | 'byte-length' | 'unexpected';

/** A malformed or unexpected IDX file; `expected` / `found` say what was wrong. */
export class IdxError extends Error {
	readonly code: IdxErrorCode;
	readonly expected: string;
	readonly found: string;
	constructor(code: IdxErrorCode, expected: string, found: string) {
		super(`IDX ${code}: expected ${expected}, found ${found}`);
		this.name = 'IdxError';
		this.code = code;
		this.expected = expected;
		this.found = found;
	}
}

const TYPES: Record<number, { dtype: IdxDtype; bytes: number }> = {
	0x08: { dtype: 'uint8', bytes: 1 },
	0x09: { dtype: 'int8', bytes: 1 },
	0x0b: { dtype: 'int16', bytes: 2 },
	0x0c: { dtype: 'int32', bytes: 4 },
	0x0d: { dtype: 'float32', bytes: 4 },
	0x0e: { dtype: 'float64', bytes: 8 }
};

/** More dimensions than any IDX data set uses; a larger count means the bytes are not IDX. */
export const MAX_IDX_DIMS = 8;

const hex = (b: number) => `0x${b.toString(16).padStart(2, '0')}`;

function readHeader(bytes: Uint8Array): { dtype: IdxDtype; size: number; shape: number[]; offset: number } {
	if (bytes.byteLength < 4)
		throw new IdxError('truncated', 'a 4-byte magic number', `${bytes.byteLength} bytes`);
	if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
		throw new IdxError('gzip', 'uncompressed IDX bytes', 'a gzip stream (decompress it first)');
	}
	if (bytes[0] !== 0 || bytes[1] !== 0) {
		throw new IdxError('magic', 'two zero bytes', `${hex(bytes[0])} ${hex(bytes[1])}`);
	}
	const type = TYPES[bytes[2]];
	if (!type) throw new IdxError('dtype', 'type code 0x08, 0x09, 0x0b, 0x0c, 0x0d or 0x0e', hex(bytes[2]));
	const ndim = bytes[3];
	if (ndim < 1 || ndim > MAX_IDX_DIMS) {
		throw new IdxError('dims', `1 to ${MAX_IDX_DIMS} dimensions`, `${ndim}`);
	}
	const offset = 4 + 4 * ndim;
	if (bytes.byteLength < offset) {
		throw new IdxError('truncated', `${offset} header bytes`, `${bytes.byteLength} bytes`);
	}
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const shape = Array.from({ length: ndim }, (_, i) => view.getUint32(4 + 4 * i, false));
	return { dtype: type.dtype, size: type.bytes, shape, offset };
}

function decode(bytes: Uint8Array, dtype: IdxDtype, offset: number, count: number): IdxData {
	if (dtype === 'uint8') return bytes.subarray(offset, offset + count);
	if (dtype === 'int8') return new Int8Array(bytes.buffer, bytes.byteOffset + offset, count);
	const view = new DataView(bytes.buffer, bytes.byteOffset + offset);
	const read = {
		int16: { out: new Int16Array(count), get: (i: number) => view.getInt16(2 * i, false) },
		int32: { out: new Int32Array(count), get: (i: number) => view.getInt32(4 * i, false) },
		float32: { out: new Float32Array(count), get: (i: number) => view.getFloat32(4 * i, false) },
		float64: { out: new Float64Array(count), get: (i: number) => view.getFloat64(8 * i, false) }
	}[dtype];
	for (let i = 0; i < count; i++) read.out[i] = read.get(i);
	return read.out;
}

/** Parse IDX bytes, validating the magic number, type, dimensions and exact data length. */
export function readIdx(bytes: Uint8Array): IdxArray {
	const { dtype, size, shape, offset } = readHeader(bytes);
	const count = shape.reduce((a, b) => a * b, 1);
	const expectedBytes = offset + count * size;
	if (bytes.byteLength !== expectedBytes) {
		throw new IdxError(
			bytes.byteLength < expectedBytes ? 'truncated' : 'byte-length',
			`${expectedBytes} bytes for ${dtype} [${shape.join(', ')}]`,
			`${bytes.byteLength} bytes`
		);
	}
	return { dtype, shape, data: decode(bytes, dtype, offset, count) };
}

/** Images as MNIST ships them: uint8 [N, height, width]; `size` checks height and width. */
export function readIdxImages(bytes: Uint8Array, size?: [number, number]): IdxArray & { data: Uint8Array } {
	const array = readIdx(bytes);
	if (array.dtype !== 'uint8' || array.shape.length !== 3) {
		throw new IdxError('unexpected', 'uint8 images [N, H, W]', `${array.dtype} [${array.shape.join(', ')}]`);
	}
	if (size && (array.shape[1] !== size[0] || array.shape[2] !== size[1])) {
		throw new IdxError('unexpected', `${size[0]}x${size[1]} images`, `${array.shape[1]}x${array.shape[2]}`);
	}
	return array as IdxArray & { data: Uint8Array };
}

/** Labels: uint8 [N], each below `numClasses`. */
export function readIdxLabels(bytes: Uint8Array, numClasses: number): Uint8Array {
	const array = readIdx(bytes);
	if (array.dtype !== 'uint8' || array.shape.length !== 1) {
		throw new IdxError('unexpected', 'uint8 labels [N]', `${array.dtype} [${array.shape.join(', ')}]`);
	}
	const labels = array.data as Uint8Array;
	const bad = labels.findIndex((l) => l >= numClasses);
	if (bad >= 0) throw new IdxError('unexpected', `labels below ${numClasses}`, `${labels[bad]} at ${bad}`);
	return labels;
}

/**
 * Image `index` of uint8 [N, H, W] images as RGBA pixels (R = G = B, alpha 255), zero-padded by `pad`
 * pixels on each side: (H + 2·pad) x (W + 2·pad), the layout of ImageData. Fashion-MNIST with pad 2 gives
 * the 32x32 input of the fmnist-* models.
 */
export function paddedRgba(
	images: IdxArray & { data: Uint8Array },
	index: number,
	pad = 0
): Uint8ClampedArray {
	const [n, h, w] = images.shape;
	if (!Number.isInteger(index) || index < 0 || index >= n) throw new RangeError(`image ${index} of ${n}`);
	if (!Number.isInteger(pad) || pad < 0) throw new RangeError(`pad ${pad}`);
	const outW = w + 2 * pad;
	const out = new Uint8ClampedArray((h + 2 * pad) * outW * 4);
	for (let p = 3; p < out.length; p += 4) out[p] = 255;
	const src = images.data.subarray(index * h * w, (index + 1) * h * w);
	for (let y = 0; y < h; y++) {
		for (let x = 0; x < w; x++) {
			const o = ((y + pad) * outW + x + pad) * 4;
			out[o] = out[o + 1] = out[o + 2] = src[y * w + x];
		}
	}
	return out;
}
