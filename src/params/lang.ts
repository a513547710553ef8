import type { ParamMatcher } from '@sveltejs/kit';
import { isLanguage } from '$lib/content/languages';

export const match: ParamMatcher = (param) => isLanguage(param);
