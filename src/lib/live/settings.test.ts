import { describe, expect, it } from 'vitest';
import {
	BACKEND_KEY,
	WEIGHTS_BASE_KEY,
	gpuTestSetting,
	stallTimeoutSetting,
	loadBackendChoice,
	saveBackendChoice,
	validWeightsBase,
	weightsBaseOverride
} from './settings';

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

class MemoryStorage implements Storage {
	private items = new Map<string, string>();
	get length() {
		return this.items.size;
	}
	clear() {
		this.items.clear();
	}
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	key(index: number) {
		return [...this.items.keys()][index] ?? null;
	}
	removeItem(key: string) {
		this.items.delete(key);
	}
	setItem(key: string, value: string) {
		this.items.set(key, value);
	}
}

describe("the reader's backend choice", () => {
	it('round-trips a choice, and null goes back to automatic', () => {
		const storage = new MemoryStorage();
		expect(loadBackendChoice(storage)).toBeNull();
		expect(saveBackendChoice('wasm', storage)).toBe(true);
		expect(loadBackendChoice(storage)).toBe('wasm');
		expect(saveBackendChoice(null, storage)).toBe(true);
		expect(storage.getItem(BACKEND_KEY)).toBeNull();
	});

	it('ignores junk and survives storage that throws or is missing', () => {
		const storage = new MemoryStorage();
		storage.setItem(BACKEND_KEY, 'webgpu');
		expect(loadBackendChoice(storage)).toBeNull();
		const throwing = new MemoryStorage();
		throwing.getItem = () => {
			throw new DOMException('denied', 'SecurityError');
		};
		throwing.setItem = () => {
			throw new DOMException('full', 'QuotaExceededError');
		};
		expect(loadBackendChoice(throwing)).toBeNull();
		expect(saveBackendChoice('cpu', throwing)).toBe(false);
		expect(loadBackendChoice(null)).toBeNull();
		expect(saveBackendChoice('cpu', null)).toBe(false);
	});
});

describe('the GPU test setting', () => {
	const setting = (value: string) => ({ getItem: () => value });
	it('reads the documented fields only', () => {
		expect(gpuTestSetting(setting('{"webgl": false}'))).toEqual({ webgl: false });
		expect(gpuTestSetting(setting('{"renderer": "Test GPU", "speedup": 2, "other": 1}'))).toEqual({
			renderer: 'Test GPU',
			speedup: 2
		});
	});
	it('is null for junk, wrong types and nothing', () => {
		for (const junk of [
			'',
			'nope',
			'[]',
			'{"speedup": -1}',
			'{"speedup": "fast"}',
			'{"webgl": "no"}',
			'null'
		])
			expect(gpuTestSetting(setting(junk)), junk).toBeNull();
		expect(gpuTestSetting(null)).toBeNull();
	});
});

describe('the stall timeout test hook', () => {
	const setting = (value: string) => ({ getItem: () => value });
	it('takes a shorter timeout in whole milliseconds', () => {
		expect(stallTimeoutSetting(setting('1500'))).toBe(1500);
		expect(stallTimeoutSetting(setting(' 200 '))).toBe(200);
	});
	it('ignores junk, zero and anything not shorter than the real timeout', () => {
		for (const junk of ['', 'fast', '0', '-5', '1e3', '1.5', '30000', '99999', '9999999'])
			expect(stallTimeoutSetting(setting(junk)), junk).toBeNull();
		expect(stallTimeoutSetting(null)).toBeNull();
	});
});
