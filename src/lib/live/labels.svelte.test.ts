import { describe, expect, it } from 'vitest';
import { LabelTables } from './labels.svelte';

const table = (n: number, prefix: string) => ({
	labels: Array.from({ length: n }, (_, i) => `${prefix}${i}`)
});

describe('LabelTables', () => {
	it('fetches each table once and returns it by table and language', async () => {
		const urls: string[] = [];
		const tables = new LabelTables(async (url) => {
			urls.push(url);
			return table(10, url.includes('.zh.') ? '类' : 'class ');
		});
		expect(tables.get('fashion-mnist', 'zh')).toBeUndefined();
		await Promise.all([tables.load('fashion-mnist', 'zh'), tables.load('fashion-mnist', 'zh')]);
		await tables.load('fashion-mnist', 'en');
		expect(urls).toEqual(['/labels/fashion-mnist.zh.json', '/labels/fashion-mnist.en.json']);
		expect(tables.get('fashion-mnist', 'zh')?.[3]).toBe('类3');
		expect(tables.get('fashion-mnist', 'en')?.[9]).toBe('class 9');
	});

	it('records a bad table (wrong class count) and lets a later call retry', async () => {
		let count = 999;
		const tables = new LabelTables(async () => table(count, 'c'));
		await tables.load('imagenet-1k', 'en');
		expect(tables.get('imagenet-1k', 'en')).toBeUndefined();
		expect(tables.errors['imagenet-1k.en']).toMatch(/1000/);
		count = 1000;
		await tables.load('imagenet-1k', 'en');
		expect(tables.get('imagenet-1k', 'en')).toHaveLength(1000);
	});
});
