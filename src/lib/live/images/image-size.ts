/**
 * What an image file is and how many pixels it decodes to, from its bytes (pure): PNG, JPEG, GIF,
 * WebP, BMP, AVIF and ICO, the formats browsers decode. Used to refuse an image whose decoded pixels
 * would not fit in a tab's memory before the browser tries to decode it (a 30 000 × 30 000 PNG of one
 * colour is a small file but 3.6 GB of pixels), and to recognise an image whose name and type say
 * nothing. The size is read where the format puts it, however far into the file: a JPEG's frame
 * header follows any number of APPn segments (EXIF, ICC profiles, a hostile 320 KiB of them), so the
 * whole file (at most MAX_IMAGE_BYTES) is given, not a fixed prefix.
 */

export interface PixelSize {
	width: number;
	height: number;
}

/** Images above this many pixels are refused (about 400 MB of RGBA while decoding). */
export const MAX_IMAGE_PIXELS = 100_000_000;

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'avif' | 'ico';

const ascii = (bytes: Uint8Array, at: number, text: string) =>
	[...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** The format from the file's magic bytes, or null for anything else (SVG is text, not sniffed). */
export function imageFormat(bytes: Uint8Array): ImageFormat | null {
	if (bytes[0] === 0x89 && ascii(bytes, 1, 'PNG\r\n\x1a\n')) return 'png';
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
	if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'gif';
	if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'webp';
	if (ascii(bytes, 0, 'BM') && bytes.length >= 26) return 'bmp';
	if (ascii(bytes, 4, 'ftypavi')) return 'avif';
	if (bytes.length >= 6 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 1 && bytes[3] === 0) return 'ico';
	return null;
}

function png(view: DataView, bytes: Uint8Array): PixelSize | null {
	if (bytes.length < 24 || !ascii(bytes, 12, 'IHDR')) return null;
	return { width: view.getUint32(16), height: view.getUint32(20) };
}

function gif(view: DataView, bytes: Uint8Array): PixelSize | null {
	if (bytes.length < 10) return null;
	return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
}

function bmp(view: DataView): PixelSize | null {
	return { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
}

function webp(view: DataView, bytes: Uint8Array): PixelSize | null {
	if (bytes.length < 30) return null;
	if (ascii(bytes, 12, 'VP8X')) {
		const u24 = (at: number) => bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16);
		return { width: u24(24) + 1, height: u24(27) + 1 };
	}
	if (ascii(bytes, 12, 'VP8L')) {
		const bits = view.getUint32(21, true);
		return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
	}
	if (ascii(bytes, 12, 'VP8 '))
		return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
	return null;
}

/** Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
const isStartOfFrame = (marker: number) =>
	marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
/** Markers without a length: TEM and RST0–7. */
const standsAlone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
const START_OF_SCAN = 0xda;

/**
 * Walks the segments to the frame header. Bytes between segments are skipped as decoders skip them
 * (libjpeg warns "extraneous bytes before marker" and goes on), so such padding cannot hide a frame.
 */
function jpeg(view: DataView, bytes: Uint8Array): PixelSize | null {
	let at = 2;
	while (at + 9 < bytes.length) {
		if (bytes[at] !== 0xff || bytes[at + 1] === 0xff || bytes[at + 1] === 0) {
			at++;
			continue;
		}
		const marker = bytes[at + 1];
		if (isStartOfFrame(marker)) return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
		if (marker === START_OF_SCAN) return null;
		at += standsAlone(marker) ? 2 : 2 + view.getUint16(at + 2);
	}
	return null;
}

const ISOBMFF_CONTAINERS = new Set(['meta', 'iprp', 'ipco']);

/** AVIF (ISOBMFF): the largest `ispe` (image spatial extents) property; a grid's is the whole image. */
function avif(view: DataView, bytes: Uint8Array, start = 0, end = bytes.length): PixelSize | null {
	let best: PixelSize | null = null;
	for (let at = start; at + 8 <= end;) {
		const size = view.getUint32(at);
		const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
		const boxEnd = size === 0 ? end : at + size;
		if (size !== 0 && size < 8) return best;
		let found: PixelSize | null = null;
		if (type === 'ispe' && at + 20 <= end)
			found = { width: view.getUint32(at + 12), height: view.getUint32(at + 16) };
		else if (ISOBMFF_CONTAINERS.has(type))
			found = avif(view, bytes, at + 8 + (type === 'meta' ? 4 : 0), Math.min(boxEnd, end));
		if (found && (!best || found.width * found.height > best.width * best.height)) best = found;
		at = boxEnd;
	}
	return best;
}

/** ICO: the largest entry; an entry holding a PNG has the PNG's size, others the directory's (0 = 256). */
function ico(view: DataView, bytes: Uint8Array): PixelSize | null {
	const count = view.getUint16(4, true);
	let best: PixelSize | null = null;
	for (let i = 0; i < count && 6 + 16 * (i + 1) <= bytes.length; i++) {
		const entry = 6 + 16 * i;
		const offset = view.getUint32(entry + 12, true);
		const inner = bytes.subarray(offset);
		const size =
			imageFormat(inner) === 'png'
				? png(new DataView(inner.buffer, inner.byteOffset, inner.byteLength), inner)
				: { width: bytes[entry] || 256, height: bytes[entry + 1] || 256 };
		if (size && (!best || size.width * size.height > best.width * best.height)) best = size;
	}
	return best;
}

const READERS: Record<ImageFormat, (view: DataView, bytes: Uint8Array) => PixelSize | null> = {
	png,
	jpeg,
	gif,
	webp,
	bmp,
	avif: (view, bytes) => avif(view, bytes),
	ico
};

/** The size the image decodes to, or null for another format or a file that ends before its size. */
export function imagePixelSize(bytes: Uint8Array): PixelSize | null {
	const format = imageFormat(bytes);
	if (!format) return null;
	return READERS[format](new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), bytes);
}

/** Whether the image in `bytes` announces more pixels than MAX_IMAGE_PIXELS. */
export function tooManyPixels(bytes: Uint8Array): boolean {
	const size = imagePixelSize(bytes);
	return size !== null && size.width * size.height > MAX_IMAGE_PIXELS;
}
