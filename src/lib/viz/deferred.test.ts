import { describe, expect, it, vi } from 'vitest';
import { componentLoaders } from '../../component-loaders';
import { loaderOf, provideLoaders, type ComponentLoaders } from './deferred';

// The test setup provides the app's loaders again before each test.

describe('loaderOf', () => {
	it('looks the loader up when it is called, so that the app may provide it later', async () => {
		const load = loaderOf('timeProfile');
		const module = { default: (() => {}) as never };
		const fakes: ComponentLoaders = {
			...componentLoaders,
			classifier: vi.fn(),
			timeProfile: vi.fn(async () => module),
			weightManager: vi.fn()
		};
		provideLoaders(fakes);
		expect(await load()).toBe(module);
		expect(fakes.timeProfile).toHaveBeenCalledTimes(1);
		expect(fakes.classifier).not.toHaveBeenCalled();
	});
});
