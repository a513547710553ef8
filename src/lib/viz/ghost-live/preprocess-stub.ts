/**
 * For the live parts' component tests (imported by tests only): `$lib/nets/preprocess` with an image
 * reader that ignores the image and returns the same 40×40 pixels every time (jsdom decodes no
 * images; the runtime's host, which runs in the test, reads images with it). Use inside a `vi.mock`
 * factory, through a dynamic import (the factory is hoisted).
 */
import { vi } from 'vitest';
import type * as Preprocess from '$lib/nets/preprocess';

/** The module with `readPixels` replaced; `step` varies the pixel pattern between tests. */
export function fixedPixelsPreprocess(original: typeof Preprocess, step: number): typeof Preprocess {
	const width = 40;
	const data = Uint8ClampedArray.from({ length: width * width * 4 }, (_, i) => (i * step) % 256);
	return {
		...original,
		readPixels: vi.fn(async () => ({ data, width, height: width, channels: 4 as const }))
	};
}
