import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { calculatorFormulas } from './formulas';

const vggLike = { s: 2, d: 3, k: 3, c: 64, n: 64, h: 56, w: 56 };

describe('calculatorFormulas', () => {
	it('fills the reader’s values into the paper’s formulas', () => {
		const f = calculatorFormulas(vggLike);
		expect(f.convFlops).toContain(
			'64 \\cdot 56 \\cdot 56 \\cdot 64 \\cdot 3 \\cdot 3 \\\\ &= 115{,}605{,}504'
		);
		expect(f.ghostFlops).toContain('32 \\cdot 56 \\cdot 56 \\cdot 64 \\cdot 3 \\cdot 3');
		expect(f.ghostFlops).toContain('&= 57{,}802{,}752 + 903{,}168 \\\\ &= 58{,}705{,}920');
		expect(f.convParams).toContain('= 36{,}864');
		expect(f.ghostParams).toContain('= 18{,}720');
		expect(f.speedup).toContain('&= 1.969 \\\\ &\\approx');
		expect(f.speedup).toContain('\\frac{128}{65} = 1.969 \\\\ &\\approx s = 2');
		expect(f.compression).toContain('= 1.969');
	});

	it('writes ≉ where an assumption of the paper fails', () => {
		const f = calculatorFormulas({ s: 2, d: 3, k: 1, c: 16, n: 16, h: 56, w: 56 });
		expect(f.speedup).toContain('&= 1.280 \\\\ &\\not\\approx \\frac{s \\cdot c}{s + c - 1}');
		// (s − 1)/c = 1/16 is over the 5% tolerance too
		expect(f.speedup).toContain('= 1.882 \\\\ &\\not\\approx s = 2');
		const wide = calculatorFormulas({ s: 2, d: 3, k: 1, c: 64, n: 16, h: 56, w: 56 });
		expect(wide.speedup).toContain('&= 1.753 \\\\ &\\not\\approx');
		expect(wide.speedup).toContain('= 1.969 \\\\ &\\approx s = 2');
		const few = calculatorFormulas({ ...vggLike, s: 4, c: 16 });
		expect(few.speedup).toContain('\\not\\approx s = 4');
	});

	it('writes n/s as a fraction when s does not divide n', () => {
		const f = calculatorFormulas({ ...vggLike, n: 10, s: 3, c: 5, k: 1, d: 1 });
		expect(f.ghostFlops).toContain('\\tfrac{10}{3} \\cdot 56');
		// (10/3)·5 + 2·(10/3) = 70/3
		expect(f.ghostParams).toContain('\\approx 23.333');
		// (10/3)·9·5·… is an integer again: shown exactly, not as 1,979.999…
		expect(calculatorFormulas({ ...vggLike, n: 10, s: 3 }).ghostParams).toMatch(
			/&= 1\{,\}980 \\end\{aligned\}$/
		);
	});

	it('is valid TeX for KaTeX', () => {
		for (const p of [vggLike, { ...vggLike, n: 7, s: 5, d: 1, k: 7 }]) {
			for (const tex of Object.values(calculatorFormulas(p))) {
				expect(() => katex.renderToString(tex, { throwOnError: true, strict: 'error' })).not.toThrow();
			}
		}
	});
});
