// The social preview images, written as static PNG files at build time (prerendered).
import { PNG } from 'pngjs';
import {
	PREVIEW_HEIGHT,
	PREVIEW_NAMES,
	PREVIEW_WIDTH,
	previewRects,
	rasterize,
	type PreviewName
} from '$lib/site/preview-image';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => PREVIEW_NAMES.map((name) => ({ name }));

export const GET: RequestHandler = ({ params }) => {
	const png = new PNG({ width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT });
	png.data.set(rasterize(previewRects(params.name as PreviewName)));
	return new Response(new Uint8Array(PNG.sync.write(png)), {
		headers: { 'content-type': 'image/png' }
	});
};
