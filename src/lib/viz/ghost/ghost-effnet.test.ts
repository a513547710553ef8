import { describe, expect, it } from 'vitest';
import { cost, efficientnet, ghostEfficientNet } from '$lib/nets';
import { ghostEfficientNetModel } from './ghost-effnet';

describe('the Ghost-EfficientNet figure model', () => {
	it('shows the released network when the Ghost modules are off, exactly (facts.md B: B0 5,288,548 params)', () => {
		const m = ghostEfficientNetModel('b0', 2, false);
		expect(m.shown).toBe(m.released);
		expect(m.shown.cost.params).toBe(5_288_548);
		expect(m.stages.every((s) => s.shown === s.released)).toBe(true);
	});

	it('shows the transformed spec’s exact cost when they are on, stage by stage', () => {
		const m = ghostEfficientNetModel('b0', 2, true);
		const direct = cost(ghostEfficientNet(efficientnet({ variant: 'b0' }), { ratio: 2, cheapKernel: 3 }));
		expect([m.shown.cost.params, m.shown.cost.macs]).toEqual([direct.params, direct.macs]);
		expect(m.shown.spec.name).toBe('efficientnet_b0_ghost_s2');
		expect(m.stages.map((s) => s.stage)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
		// The stem and the head have no 1×1 expand or project conv: unchanged.
		expect(m.stages[0].shown).toBe(m.stages[0].released);
		expect(m.stages[8].shown).toBe(m.stages[8].released);
		for (const s of m.stages.slice(1, 8)) expect(s.shown).toBeLessThan(s.released);
		expect(m.stages.reduce((a, s) => a + s.shown, 0)).toBe(direct.macs);
	});

	it('cannot save more than the 1×1 expand and project convs hold', () => {
		const m = ghostEfficientNetModel('b0', 8, true);
		expect(m.swappableShare).toBeGreaterThan(0.5);
		expect(m.swappableShare).toBeLessThan(1);
		expect(1 - m.shown.cost.macs / m.released.cost.macs).toBeLessThan(m.swappableShare);
		// The multipliers of the released network are kept.
		expect([m.shown.depth, m.shown.width, m.shown.resolution]).toEqual([1, 1, 224]);
	});
});
