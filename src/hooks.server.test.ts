import { describe, expect, it } from 'vitest';
import { withoutRepeatedStyles } from './hooks.server';

describe('withoutRepeatedStyles', () => {
	it('keeps the first of each component’s injected styles and everything else', () => {
		const html =
			'<head><style id="svelte-a1">.a{}</style><style id="svelte-b2">.b{}</style>' +
			'<style>.page{}</style><style id="svelte-a1">.a{}</style></head><body><p>svelte-a1</p></body>';
		expect(withoutRepeatedStyles(html)).toBe(
			'<head><style id="svelte-a1">.a{}</style><style id="svelte-b2">.b{}</style>' +
				'<style>.page{}</style></head><body><p>svelte-a1</p></body>'
		);
	});
});
