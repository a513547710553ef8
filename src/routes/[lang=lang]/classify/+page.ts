import { languages } from '$lib/content/languages';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () => languages.map((lang) => ({ lang }));
