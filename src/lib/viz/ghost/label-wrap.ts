/**
 * Line breaking for SVG box labels (pure; SVG text does not wrap): a label is broken after its
 * separators (": ", ", ", " · " and the Chinese "：", "，"; a dot ending a line is dropped) into as few lines as fit a width, using an
 * estimate of the text's width (Latin and digits about 0.58 em, CJK and full-width forms 1 em; bold
 * 8 % wider). A single piece wider than the box stays on its own line, never cut.
 */
const SEPARATOR = /(?<=: |, | · |：|，)/u;
const WIDE = /[\u2e80-\u9fff\uff00-\uffef]/u;

/** Estimated rendered width in px of `text` at `fontSize` px. */
export function textWidth(text: string, fontSize: number, bold = false): number {
	let em = 0;
	for (const ch of text) em += WIDE.test(ch) ? 1 : 0.58;
	return em * fontSize * (bold ? 1.12 : 1);
}

export function wrapLabel(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
	const pieces = text.split(SEPARATOR);
	const lines: string[] = [];
	for (const piece of pieces) {
		const last = lines.at(-1);
		if (last !== undefined && textWidth((last + piece).trimEnd(), fontSize, bold) <= maxWidth)
			lines[lines.length - 1] = last + piece;
		else lines.push(piece);
	}
	// A middle dot ending a line only separated it from the next one.
	return lines.map((line) => line.replace(/ ·\s*$/u, '').trim());
}
