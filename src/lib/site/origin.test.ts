import { describe, expect, it } from 'vitest';
import { absoluteUrl, DEFAULT_SITE_ORIGIN, siteOrigin } from './origin';

describe('siteOrigin', () => {
	it('defaults to the preview server and keeps only the origin of a configured URL', () => {
		expect(siteOrigin(undefined)).toBe(DEFAULT_SITE_ORIGIN);
		expect(siteOrigin('')).toBe(DEFAULT_SITE_ORIGIN);
		expect(siteOrigin('https://Example.org/')).toBe('https://example.org');
		expect(siteOrigin('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
	});

	it('refuses what cannot be an origin', () => {
		expect(() => siteOrigin('example.org')).toThrow(/absolute/);
		expect(() => siteOrigin('ftp://example.org')).toThrow(/http/);
		expect(() => siteOrigin('https://example.org/sub/')).toThrow(/without a path/);
	});

	it('makes absolute URLs on it', () => {
		expect(absoluteUrl('/en/ghostnet', 'https://example.org')).toBe('https://example.org/en/ghostnet');
		expect(absoluteUrl('/', 'https://example.org')).toBe('https://example.org/');
	});
});
