import { describe, expect, it } from 'vitest';
import results from '../../../../scripts/train/results/reproduction.json';
import { parseReproduction, REPRODUCTION } from './reproduction';
import { TEXT, outcome, variantLabel } from './reproduction-text';

const pct = (fraction: number) => (fraction * 100).toFixed(1);

describe('reproduction caption', () => {
	it('states epochs, seeds and test images from the results file, in both languages', () => {
		const en = TEXT.en.setup(REPRODUCTION);
		expect(en).toContain(`${results.epochs} epoch`);
		expect(en).toContain(`${results.testImages.toLocaleString('en')} images`);
		expect(en).toContain('not trained to convergence');
		expect(en).toContain('VGG-16 on CIFAR-10');
		for (const v of results.variants) expect(en).toContain(`(${v.seeds.join(', ')})`);
		const zh = TEXT.zh.setup(REPRODUCTION);
		expect(zh).toContain(`${results.epochs} 个 epoch`);
		expect(zh).toContain(`${results.testImages} 张测试图像`);
		expect(zh).toContain('CIFAR-10');
	});

	it('reports the measured outcome of the file: which is ahead, by how much, and the trend with s', () => {
		const conv = results.variants.find((v) => v.options.moduleKind === 'conv')!;
		const s2 = results.variants.find((v) => v.options.ghostRatio === 2)!;
		const text = outcome(REPRODUCTION, 'en');
		expect(text).toContain(`${pct(conv.mean)} % vs ${pct(s2.mean)} %`);
		expect(text).toContain(conv.mean > s2.mean ? 'ordinary convolution is ahead' : 's = 2 is ahead');
		expect(outcome(REPRODUCTION, 'zh')).toContain(`${pct(conv.mean)}% 对 ${pct(s2.mean)}%`);
	});

	it('follows a different run: s = 2 ahead within the seed spread, accuracy not monotone in s', () => {
		const variant = (id: string, options: object, acc: number[]) => ({
			id,
			options,
			seeds: acc.map((_, i) => i),
			testAccuracy: acc,
			params: 1e6,
			macs: id === 'conv' ? 4e6 : 3e6
		});
		const rep = parseReproduction({
			...results,
			epochs: 3,
			variants: [
				variant('conv', { moduleKind: 'conv' }, [0.88, 0.9]),
				variant('s2', { ghostRatio: 2, moduleKind: 'ghost' }, [0.89, 0.9]),
				variant('s3', { ghostRatio: 3, moduleKind: 'ghost' }, [0.87, 0.87]),
				variant('s4', { ghostRatio: 4, moduleKind: 'ghost' }, [0.88, 0.88])
			]
		});
		const text = outcome(rep, 'en');
		expect(text).toContain('s = 2 is ahead of the ordinary convolution by 0.5 points');
		expect(text).toContain('no more than the spread between seeds (up to 2.0 points)');
		expect(text).toContain('does not move steadily with s');
		expect(text).toContain('25 % fewer MACs');
		expect(TEXT.en.setup(rep)).toContain('3 epochs per run');
		expect(TEXT.en.setup(rep)).toContain('with 2 seeds each (0, 1)');
		expect(TEXT.en.limits(rep)).toContain('with 2 seeds per variant');
	});

	it('labels each point with all of its values', () => {
		const conv = REPRODUCTION.variants[0];
		const label = variantLabel(conv, 'en');
		expect(label).toContain(`${conv.mean.toFixed(1)} %`);
		expect(label).toContain(`${(conv.params / 1e6).toFixed(2)} M params`);
		expect(label).toContain(`${(conv.macs / 1e6).toFixed(2)} M MACs`);
		if (conv.seeds.length > 1) expect(label).toContain(`${conv.min.toFixed(1)}–${conv.max.toFixed(1)} %`);
	});
});
