/**
 * Pixel size of an image from its first bytes (pure): PNG, JPEG, GIF, WebP and BMP headers. Used to
 * refuse an image whose decoded pixels would not fit in a tab's memory before the browser tries to
 * decode it (a 30 000 × 30 000 PNG of one colour is a small file but 3.6 GB of pixels).
 */

export interface PixelSize {
	width: number;
	height: number;
}

/** Bytes to read from the start of a file: enough to pass a JPEG's EXIF block and reach its frame header. */
export const SIZE_SNIFF_BYTES = 256 * 1024;

/** Images above this many pixels are refused (about 400 MB of RGBA while decoding). */
export const MAX_IMAGE_PIXELS = 100_000_000;

const ascii = (bytes: Uint8Array, at: number, text: string) =>
	[...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

function png(view: DataView, bytes: Uint8Array): PixelSize | null {
	if (bytes.length < 24 || !ascii(bytes, 1, 'PNG') || !ascii(bytes, 12, 'IHDR')) return null;
	return { width: view.getUint32(16), height: view.getUint32(20) };
}

function gif(view: DataView, bytes: Uint8Array): PixelSize | null {
	if (bytes.length < 10 || !ascii(bytes, 0, 'GIF8')) return null;
	return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
}

function bmp(view: DataView, bytes: Uint8Array): PixelSize | null {
	if (bytes.length < 26 || !ascii(bytes, 0, 'BM')) return null;
	return { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
}

function webp(view: DataView, bytes: Uint8Array): PixelSize | null {
	if (bytes.length < 30 || !ascii(bytes, 0, 'RIFF') || !ascii(bytes, 8, 'WEBP')) return null;
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

function jpeg(view: DataView, bytes: Uint8Array): PixelSize | null {
	if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
	let at = 2;
	while (at + 9 < bytes.length) {
		if (bytes[at] !== 0xff) return null;
		const marker = bytes[at + 1];
		if (marker === 0xff) {
			at++;
			continue;
		}
		if (isStartOfFrame(marker)) return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
		at += 2 + view.getUint16(at + 2);
	}
	return null;
}

/** The size in the header, or null for another format or a header beyond the bytes given. */
export function imagePixelSize(bytes: Uint8Array): PixelSize | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	for (const read of [png, jpeg, gif, webp, bmp]) {
		const size = read(view, bytes);
		if (size) return size;
	}
	return null;
}
