/**
 * The language switch's "中文" in its own two-glyph faces (src/lib/site/language-font.ts), registered
 * by an inline script in the head of every page, before the body is parsed: a FontFace made from
 * bytes is ready at once, so the label's first layout neither walks the font stack nor falls back
 * to a system font (and machines without a CJK font show the label, not two empty boxes).
 */
import { LANGUAGE_FONT } from './language-font';

export const languageFontFamily = LANGUAGE_FONT.family;

/** CSS unicode-range of the faces: exactly the glyphs they hold. */
export function unicodeRange(text: string): string {
	return [...new Set(text)].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`).join(',');
}

let script: string | null = null;

/**
 * The inline `<script>` for the page head (made once; every prerendered page asks for it). Where the
 * browser has no FontFace, the label keeps the system's fonts, which is all it loses: the script must
 * never stop the page.
 */
export function languageFontScript(): string {
	if (script) return script;
	const font = {
		family: LANGUAGE_FONT.family,
		range: unicodeRange(LANGUAGE_FONT.text),
		faces: LANGUAGE_FONT.faces
	};
	const body =
		'try{var f=' +
		JSON.stringify(font) +
		';f.faces.forEach(function(x){var s=atob(x.woff2),b=new Uint8Array(s.length);' +
		'for(var i=0;i<s.length;i++)b[i]=s.charCodeAt(i);' +
		'document.fonts.add(new FontFace(f.family,b,{weight:x.weight,unicodeRange:f.range}))})}catch(e){}';
	return (script = `<script>${body}</script>`);
}
