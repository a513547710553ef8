import { describe, expect, it } from 'vitest';
import { componentLoaders } from './component-loaders';

describe('componentLoaders', () => {
	it.each(Object.keys(componentLoaders) as (keyof typeof componentLoaders)[])('loads %s', async (name) => {
		const { default: component } = await componentLoaders[name]();
		expect(component).toBeTypeOf('function');
	});
});
