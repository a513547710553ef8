import type { Language } from '$lib/content/languages';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = ({ params }) => ({ lang: params.lang as Language });
