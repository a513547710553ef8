import { afterEach, describe, expect, it, vi } from 'vitest';

async function baseUrlWith(env: Record<string, string | undefined>) {
	vi.resetModules();
	vi.doMock('$env/static/public', () => env);
	const { weightsBaseUrl } = await import('./base-url');
	return weightsBaseUrl();
}

afterEach(() => {
	vi.doUnmock('$env/static/public');
});

describe('weightsBaseUrl', () => {
	it('uses the hub when PUBLIC_WEIGHTS_BASE_URL is not set or blank', async () => {
		// An unset variable reads as undefined on SvelteKit's module (vitest's mock needs the key listed).
		expect(await baseUrlWith({ PUBLIC_WEIGHTS_BASE_URL: undefined })).toBe('https://huggingface.co');
		expect(await baseUrlWith({ PUBLIC_WEIGHTS_BASE_URL: '  ' })).toBe('https://huggingface.co');
	});

	it('uses the build-time mirror when set', async () => {
		expect(await baseUrlWith({ PUBLIC_WEIGHTS_BASE_URL: ' http://127.0.0.1:4173/hub ' })).toBe(
			'http://127.0.0.1:4173/hub'
		);
	});
});
