import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMAGENET_CLASS_COUNT, LabelTableError, labelTableUrl, parseLabelTable, topK } from './labels';

const staticDir = new URL('../../../static/', import.meta.url);
const sharedReference = new URL('../../../../shared/reference/imagenet_classes_en.json', import.meta.url);

function readJson(url: URL): unknown {
	return JSON.parse(readFileSync(url, 'utf8'));
}

function readTable(language: 'en' | 'zh'): { source: unknown; note: unknown; labels: string[] } {
	const json = readJson(new URL(labelTableUrl(language).slice(1), staticDir));
	const labels = parseLabelTable(json, IMAGENET_CLASS_COUNT);
	const { source, note } = json as Record<string, unknown>;
	return { source, note, labels };
}

function errorOf(run: () => unknown): unknown {
	try {
		run();
	} catch (error) {
		return error;
	}
	throw new Error('expected a throw');
}

describe('static label tables', () => {
	const en = readTable('en');
	const zh = readTable('zh');

	it('both have 1000 labels, a source and a note', () => {
		for (const table of [en, zh]) {
			expect(table.labels).toHaveLength(1000);
			expect(typeof table.source).toBe('string');
			expect((table.source as string).length).toBeGreaterThan(20);
			expect(typeof table.note).toBe('string');
		}
	});

	it('English has the known names at known logits', () => {
		const known: Record<number, string> = {
			0: 'tench',
			1: 'goldfish',
			134: 'crane bird',
			207: 'golden retriever',
			281: 'tabby',
			282: 'tiger cat',
			285: 'Egyptian cat',
			417: 'balloon',
			504: 'coffee mug',
			517: 'crane',
			638: 'maillot',
			639: 'maillot tank suit',
			817: 'sports car',
			970: 'alp',
			999: 'toilet tissue'
		};
		for (const [index, name] of Object.entries(known)) expect(en.labels[Number(index)]).toBe(name);
		expect(new Set(en.labels).size).toBe(1000);
	});

	it.skipIf(!existsSync(sharedReference))('English equals the shared torchvision reference', () => {
		expect(en.labels).toEqual(readJson(sharedReference));
	});

	it('Chinese has the expected names at the spot-checked logits', () => {
		const known: Record<number, string> = {
			0: '丁鲷',
			1: '金鱼',
			21: '鸢',
			134: '鹤',
			155: '西施犬',
			207: '金毛寻回犬',
			208: '拉布拉多寻回犬',
			281: '虎斑猫',
			282: '虎纹猫',
			285: '埃及猫',
			417: '气球',
			504: '咖啡杯',
			517: '起重机',
			620: '手提电脑',
			638: '舞蹈紧身衣',
			639: '连体泳衣',
			664: '显示器',
			681: '笔记本电脑',
			817: '跑车',
			970: '高山',
			999: '卫生纸'
		};
		for (const [index, name] of Object.entries(known)) expect(zh.labels[Number(index)]).toBe(name);
	});

	it('Chinese names repeat only where the English names repeat', () => {
		const englishByChinese = new Map<string, Set<string>>();
		zh.labels.forEach((name, index) => {
			const english = englishByChinese.get(name) ?? new Set<string>();
			english.add(en.labels[index]);
			englishByChinese.set(name, english);
		});
		const conflicts = [...englishByChinese].filter(([, english]) => english.size > 1);
		expect(conflicts).toEqual([]);
	});

	it('every Chinese name is trimmed and translated (has a CJK character), except brand names', () => {
		const untranslated = zh.labels.filter((name) => !/[\u3400-\u9fff]/u.test(name));
		expect(untranslated).toEqual(['iPod']);
		expect(zh.labels.filter((name) => name !== name.trim())).toEqual([]);
	});

	it('the Chinese note is bilingual and lists the ambiguous cases', () => {
		const note = zh.note as string;
		expect(note).toMatch(/人工/);
		expect(note).toMatch(/translated by hand/);
		for (const fragment of ['134 crane bird', '517 crane', '638 maillot', '681 notebook', '21 kite']) {
			expect(note).toContain(fragment);
		}
	});
});

describe('labelTableUrl', () => {
	it('points at the static files', () => {
		expect(labelTableUrl('en')).toBe('/labels/imagenet-1k.en.json');
		expect(labelTableUrl('zh')).toBe('/labels/imagenet-1k.zh.json');
	});
});

describe('parseLabelTable', () => {
	it('returns the labels of a well-formed table', () => {
		expect(parseLabelTable({ labels: ['a', 'b', 'c'], note: 'x' }, 3)).toEqual(['a', 'b', 'c']);
	});

	it.each([
		['null', null, 'not-an-object'],
		['an array', ['a', 'b'], 'not-an-object'],
		['a string', 'labels', 'not-an-object'],
		['no labels', { names: ['a', 'b'] }, 'missing-labels'],
		['labels as an object', { labels: { 0: 'a', 1: 'b' } }, 'missing-labels'],
		['too few labels', { labels: ['a'] }, 'wrong-count'],
		['too many labels', { labels: ['a', 'b', 'c'] }, 'wrong-count']
	])('rejects %s', (_name, json, code) => {
		const error = errorOf(() => parseLabelTable(json, 2));
		expect(error).toBeInstanceOf(LabelTableError);
		expect((error as LabelTableError).code).toBe(code);
		expect((error as LabelTableError).message).toMatch(/^label table /);
	});

	it.each([
		['an empty string', ''],
		['a blank string', '  '],
		['a number', 7],
		['null', null]
	])('rejects a label that is %s, naming its index', (_name, bad) => {
		const error = errorOf(() => parseLabelTable({ labels: ['a', bad, 'c'] }, 3));
		expect(error).toBeInstanceOf(LabelTableError);
		expect((error as LabelTableError).code).toBe('bad-label');
		expect((error as LabelTableError).index).toBe(1);
		expect((error as LabelTableError).message).toContain('label 1');
	});

	it('says how many labels it expected and found', () => {
		expect(() => parseLabelTable({ labels: ['a'] }, 1000)).toThrow('expected 1000 labels, found 1');
	});

	it('rejects an invalid expected count', () => {
		expect(() => parseLabelTable({ labels: [] }, 0)).toThrow(RangeError);
		expect(() => parseLabelTable({ labels: ['a'] }, 1.5)).toThrow(RangeError);
	});
});

describe('topK', () => {
	it('returns the k highest, highest first', () => {
		expect(topK([0.1, 0.5, 0.2, 0.15, 0.05], 3)).toEqual([
			{ index: 1, probability: 0.5 },
			{ index: 2, probability: 0.2 },
			{ index: 3, probability: 0.15 }
		]);
	});

	it('orders ties by index', () => {
		const result = topK([0.2, 0.3, 0.2, 0.3, 0.2], 4);
		expect(result.map((score) => score.index)).toEqual([1, 3, 0, 2]);
	});

	it('returns everything when k exceeds the length, and nothing for k = 0 or empty input', () => {
		expect(topK([0.3, 0.7], 5)).toEqual([
			{ index: 1, probability: 0.7 },
			{ index: 0, probability: 0.3 }
		]);
		expect(topK([0.3, 0.7], 0)).toEqual([]);
		expect(topK([], 5)).toEqual([]);
	});

	it('skips NaN and orders infinities', () => {
		const result = topK([NaN, -Infinity, 1, Infinity, NaN, Infinity], 10);
		expect(result.map((score) => score.index)).toEqual([3, 5, 2, 1]);
		expect(result.some((score) => Number.isNaN(score.probability))).toBe(false);
	});

	it('takes typed arrays and leaves the input unchanged', () => {
		const probabilities = new Float32Array([0.25, 0.5, 0.25]);
		const result = topK(probabilities, 2);
		expect(result).toEqual([
			{ index: 1, probability: 0.5 },
			{ index: 0, probability: 0.25 }
		]);
		expect([...probabilities]).toEqual([0.25, 0.5, 0.25]);
	});

	it('rejects a negative or fractional k', () => {
		expect(() => topK([1], -1)).toThrow(RangeError);
		expect(() => topK([1], 1.5)).toThrow(RangeError);
	});
});
