export const languages = ['zh', 'en'] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: string): value is Language {
	return (languages as readonly string[]).includes(value);
}

/** The language a path belongs to; pages outside `/zh` and `/en` (the home page, 404) are English. */
export function languageOfPath(pathname: string): Language {
	const first = pathname.split('/')[1] ?? '';
	return isLanguage(first) ? first : 'en';
}

/** The BCP 47 tag for `lang` attributes. */
export function htmlLang(lang: Language): string {
	return lang === 'zh' ? 'zh-CN' : 'en';
}
