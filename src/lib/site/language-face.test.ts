import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { languageNames } from '$lib/content/i18n';
import { LANGUAGE_FONT } from './language-font';
import { languageFontScript, unicodeRange } from './language-face';

/** Reads UIntBase128 (WOFF2 §4.1) at `at`; returns the value and the next offset. */
function base128(bytes: Uint8Array, at: number): [number, number] {
	let value = 0;
	for (let i = 0; i < 5; i++) {
		const byte = bytes[at + i];
		value = value * 128 + (byte & 0x7f);
		if (!(byte & 0x80)) return [value, at + i + 1];
	}
	throw new Error('bad UIntBase128');
}

/** The sfnt tables of a WOFF2 font (no collection), by tag, decompressed. */
function woff2Tables(bytes: Uint8Array): Map<string, Uint8Array> {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('wOF2');
	const numTables = view.getUint16(12);
	const compressedSize = view.getUint32(20);
	const known = [
		'cmap',
		'head',
		'hhea',
		'hmtx',
		'maxp',
		'name',
		'OS/2',
		'post',
		'cvt ',
		'fpgm',
		'glyf',
		'loca'
	];
	const entries: { tag: string; length: number }[] = [];
	let at = 48;
	for (let i = 0; i < numTables; i++) {
		const flags = bytes[at++];
		let tag = known[flags & 0x3f] ?? `#${flags & 0x3f}`;
		if ((flags & 0x3f) === 63) {
			tag = String.fromCharCode(...bytes.subarray(at, at + 4));
			at += 4;
		}
		let length: number;
		[length, at] = base128(bytes, at);
		const version = flags >> 6;
		const transformed = tag === 'glyf' || tag === 'loca' ? version === 0 : version !== 0;
		if (transformed) [length, at] = base128(bytes, at);
		entries.push({ tag, length });
	}
	const data = new Uint8Array(brotliDecompressSync(bytes.subarray(at, at + compressedSize)));
	const tables = new Map<string, Uint8Array>();
	let offset = 0;
	for (const { tag, length } of entries) {
		tables.set(tag, data.subarray(offset, offset + length));
		offset += length;
	}
	expect(offset).toBe(data.length);
	return tables;
}

/** The glyph id a Windows Unicode cmap subtable (format 4 or 12) gives `code`. */
function glyphOf(cmap: Uint8Array, code: number): number {
	const view = new DataView(cmap.buffer, cmap.byteOffset, cmap.byteLength);
	const records = view.getUint16(2);
	for (let r = 0; r < records; r++) {
		const [platform, encoding, offset] = [
			view.getUint16(4 + r * 8),
			view.getUint16(6 + r * 8),
			view.getUint32(8 + r * 8)
		];
		if (platform !== 3 || (encoding !== 1 && encoding !== 10)) continue;
		const format = view.getUint16(offset);
		if (format === 12) {
			const groups = view.getUint32(offset + 12);
			for (let g = 0; g < groups; g++) {
				const base = offset + 16 + g * 12;
				const [start, end, glyph] = [
					view.getUint32(base),
					view.getUint32(base + 4),
					view.getUint32(base + 8)
				];
				if (code >= start && code <= end) return glyph + code - start;
			}
		} else if (format === 4) {
			const segments = view.getUint16(offset + 6) / 2;
			const ends = offset + 14;
			const starts = ends + segments * 2 + 2;
			const deltas = starts + segments * 2;
			const ranges = deltas + segments * 2;
			for (let s = 0; s < segments; s++) {
				const [start, end] = [view.getUint16(starts + s * 2), view.getUint16(ends + s * 2)];
				if (code < start || code > end) continue;
				const [delta, range] = [view.getInt16(deltas + s * 2), view.getUint16(ranges + s * 2)];
				if (range === 0) return (code + delta) & 0xffff;
				const glyph = view.getUint16(ranges + s * 2 + range + (code - start) * 2);
				return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
			}
		}
	}
	return 0;
}

const decode = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

describe("the language switch's font", () => {
	it('holds every non-Latin character of the language names', () => {
		const needed = [...new Set(Object.values(languageNames).join(''))].filter(
			(c) => c.codePointAt(0)! > 0x7f
		);
		expect(needed.length).toBeGreaterThan(0);
		expect([...LANGUAGE_FONT.text].sort()).toEqual(needed.sort());
	});

	it.each(LANGUAGE_FONT.faces)(
		'has a glyph for each of them at weight $weight (WOFF2, read here)',
		(face) => {
			const tables = woff2Tables(decode(face.woff2));
			for (const tag of ['cmap', 'head', 'name']) expect(tables.has(tag), tag).toBe(true);
			const cmap = tables.get('cmap')!;
			for (const c of LANGUAGE_FONT.text) expect(glyphOf(cmap, c.codePointAt(0)!), c).toBeGreaterThan(0);
			// A character it was not cut for has no glyph: the face claims only its own.
			expect(glyphOf(cmap, '语'.codePointAt(0)!)).toBe(0);
		}
	);

	it('claims exactly its glyphs in unicode-range', () => {
		expect(unicodeRange('中文')).toBe('U+4E2D,U+6587');
		expect(unicodeRange('文中文')).toBe('U+6587,U+4E2D');
	});

	it('the head script adds each face from its bytes, and never throws', () => {
		const added: { family: string; bytes: Uint8Array; descriptors: Record<string, string> }[] = [];
		class FakeFace {
			constructor(family: string, bytes: Uint8Array, descriptors: Record<string, string>) {
				added.push({ family, bytes, descriptors });
			}
		}
		const script = languageFontScript();
		expect(script).toMatch(/^<script>.*<\/script>$/s);
		expect(script).not.toContain('</script><');
		const body = script.slice('<script>'.length, -'</script>'.length);
		const fonts = { add: () => {} };
		new Function('document', 'FontFace', 'atob', body)({ fonts }, FakeFace, atob);
		expect(added.map((a) => a.descriptors)).toEqual(
			LANGUAGE_FONT.faces.map((f) => ({ weight: f.weight, unicodeRange: unicodeRange(LANGUAGE_FONT.text) }))
		);
		added.forEach((a, i) => {
			expect(a.family).toBe(LANGUAGE_FONT.family);
			expect(a.bytes).toEqual(decode(LANGUAGE_FONT.faces[i].woff2));
		});
		// No FontFace here: the label keeps the system's fonts and the page goes on.
		expect(() => new Function('document', 'atob', body)({ fonts }, atob)).not.toThrow();
	});
});
