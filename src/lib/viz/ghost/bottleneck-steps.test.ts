import { describe, expect, it } from 'vitest';
import { ghostnet } from '$lib/nets';
import { bottleneckSteps } from './bottleneck-steps';

const spec = ghostnet({ width: 1 });
const block = (name: string) => spec.stages.flatMap((s) => s.blocks).find((b) => b.name === name)!;
const kinds = (name: string) => bottleneckSteps(block(name)).main.map((s) => s.kind);

describe('bottleneckSteps (facts.md C.2, C.6, D.3)', () => {
	it('stride 1 without SE: ghost1 → ghost2 → add, identity shortcut (blocks.2.0, 24→72→24)', () => {
		const steps = bottleneckSteps(block('blocks.2.0'));
		expect(steps.main.map((s) => s.kind)).toEqual(['input', 'ghost', 'ghost', 'add', 'output']);
		expect(steps.shortcut).toEqual({ kind: 'identity' });
		const ghost1 = steps.main[1];
		expect(ghost1.kind === 'ghost' && ghost1.module).toMatchObject({
			inChannels: 24,
			outChannels: 72,
			primaryChannels: 36,
			cheapChannels: 36,
			relu: true
		});
	});

	it('stride 2 with SE: depthwise 5×5 s2, then SE 72 → 20 → 72, projection shortcut (blocks.3.0)', () => {
		const steps = bottleneckSteps(block('blocks.3.0'));
		expect(steps.main.map((s) => s.kind)).toEqual([
			'input',
			'ghost',
			'depthwise',
			'se',
			'ghost',
			'add',
			'output'
		]);
		expect(steps.main[2]).toEqual({ kind: 'depthwise', kernel: 5, stride: 2, channels: 72 });
		expect(steps.main[3]).toEqual({ kind: 'se', channels: 72, reduced: 20 });
		expect(steps.shortcut).toEqual({
			kind: 'projection',
			kernel: 5,
			stride: 2,
			inChannels: 24,
			outChannels: 40
		});
		expect(steps.main.at(-1)).toEqual({ kind: 'output', shape: [28, 28, 40] });
	});

	it('stride 1 with SE after ghost1, and a projection when in ≠ out (blocks.6.3, 80→480→112)', () => {
		expect(kinds('blocks.6.3')).toEqual(['input', 'ghost', 'se', 'ghost', 'add', 'output']);
		expect(bottleneckSteps(block('blocks.6.3')).shortcut).toMatchObject({ kind: 'projection', stride: 1 });
	});

	it('ghost2 has no ReLU', () => {
		const ghost2 = bottleneckSteps(block('blocks.8.1')).main.find((s) => s.kind === 'ghost' && s.which === 2);
		expect(ghost2?.kind === 'ghost' && ghost2.module.relu).toBe(false);
	});

	it('has SE exactly in the blocks facts.md D.3 lists', () => {
		const withSe = spec.stages
			.flatMap((s) => s.blocks)
			.filter((b) => b.ghost && kinds(b.name).includes('se'))
			.map((b) => b.name);
		expect(withSe).toEqual([
			'blocks.3.0',
			'blocks.4.0',
			'blocks.6.3',
			'blocks.6.4',
			'blocks.7.0',
			'blocks.8.1',
			'blocks.8.3'
		]);
	});
});
