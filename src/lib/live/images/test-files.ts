/**
 * Image files built byte by byte for tests (unit and browser): headers that announce a size, with no
 * need for the pixels behind them, since the size check must refuse them before anything decodes.
 */

const bytesOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

const u16 = (v: number) => [(v >> 8) & 0xff, v & 0xff];
const u32 = (v: number) => [(v >>> 24) & 0xff, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff];

/** One JPEG segment: marker and a body (its length field is added). */
const segment = (marker: number, body: Uint8Array) =>
	Uint8Array.from([0xff, marker, ...u16(body.length + 2), ...body]);

/**
 * A baseline JPEG header announcing `width` × `height`, after `appBytes` of APP2 segments (an ICC
 * profile's place), optionally with `junk` bytes before the frame header (decoders skip them), then a
 * scan header and end of image: no pixel data, so it cannot decode, only announce.
 */
export function jpegHeader(width: number, height: number, appBytes = 0, junk = 0): Uint8Array {
	const parts = [Uint8Array.from([0xff, 0xd8])];
	for (let left = appBytes; left > 0; left -= 65533) {
		parts.push(segment(0xe2, new Uint8Array(Math.min(65533, left)).fill(0x41)));
	}
	parts.push(new Uint8Array(junk).fill(0x20));
	const frame = Uint8Array.from([8, ...u16(height), ...u16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
	parts.push(segment(0xc0, frame));
	parts.push(segment(0xda, Uint8Array.from([3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0])));
	parts.push(Uint8Array.from([0xff, 0xd9]));
	return concat(parts);
}

/** A PNG signature and IHDR announcing `width` × `height` (no image data). */
export function pngHeader(width: number, height: number): Uint8Array {
	const ihdr = [...u32(13), ...bytesOf('IHDR'), ...u32(width), ...u32(height), 8, 2, 0, 0, 0, 0, 0, 0, 0];
	return Uint8Array.from([0x89, ...bytesOf('PNG\r\n\x1a\n'), ...ihdr]);
}

const box = (type: string, body: Uint8Array) =>
	Uint8Array.from([...u32(body.length + 8), ...bytesOf(type), ...body]);

/** An AVIF's boxes down to its image spatial extents (`ispe`) of `width` × `height`. */
export function avifHeader(width: number, height: number): Uint8Array {
	const ftyp = box('ftyp', bytesOf('avif\0\0\0\0mif1avif'));
	const ispe = box('ispe', Uint8Array.from([0, 0, 0, 0, ...u32(width), ...u32(height)]));
	const meta = box(
		'meta',
		concat([new Uint8Array(4), box('hdlr', new Uint8Array(25)), box('iprp', box('ipco', ispe))])
	);
	return concat([ftyp, meta]);
}

/** An ICO with one entry holding a PNG of `width` × `height`. */
export function icoWithPng(width: number, height: number): Uint8Array {
	const inner = pngHeader(width, height);
	const entry = [0, 0, 0, 0, 1, 0, 32, 0, ...u32(inner.length).reverse(), 22, 0, 0, 0];
	return concat([Uint8Array.from([0, 0, 1, 0, 1, 0, ...entry]), inner]);
}
