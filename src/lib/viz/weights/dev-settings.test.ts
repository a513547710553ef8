import { describe, expect, it } from 'vitest';
import { WEIGHTS_BASE_KEY, validWeightsBase, weightsBaseOverride } from './dev-settings';

const storageWith = (value: string | null) => ({
	getItem: (key: string) => (key === WEIGHTS_BASE_KEY ? value : null)
});

describe('weights base developer setting', () => {
	it('accepts http(s) bases and drops the trailing slash', () => {
		expect(validWeightsBase('http://127.0.0.1:8765/')).toBe('http://127.0.0.1:8765');
		expect(validWeightsBase(' https://mirror.example.org/hf ')).toBe('https://mirror.example.org/hf');
	});
	it('refuses other schemes, credentials, queries, fragments and junk', () => {
		for (const bad of [
			'javascript:alert(1)',
			'file:///etc/passwd',
			'data:text/html,x',
			'https://user:pw@example.org',
			'https://example.org/?a=1',
			'https://example.org/#x',
			'not a url',
			''
		]) {
			expect(validWeightsBase(bad), bad).toBeNull();
		}
	});
	it('reads the storage key, and is null when unset, invalid or storage throws', () => {
		expect(weightsBaseOverride(storageWith('http://localhost:9000'))).toBe('http://localhost:9000');
		expect(weightsBaseOverride(storageWith(null))).toBeNull();
		expect(weightsBaseOverride(storageWith('ftp://x'))).toBeNull();
		expect(
			weightsBaseOverride({
				getItem: () => {
					throw new Error('SecurityError');
				}
			})
		).toBeNull();
		expect(weightsBaseOverride(null)).toBeNull();
	});
});
