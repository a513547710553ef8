import type { ParamMatcher } from '@sveltejs/kit';
import { isPreviewName } from '$lib/site/preview-image';

export const match: ParamMatcher = (param) => isPreviewName(param);
