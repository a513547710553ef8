import type { NetSpec } from './types';

/**
 * Names of the intermediate outputs a built network can return (`Net.infer(x, { taps })`), in
 * execution order: 'conv_stem' (raw stem conv output, before its BN), every block 'blocks.i.j', every
 * stage 'blocks.i' (= its last block), for Ghost bottlenecks each Ghost module's
 * 'blocks.i.j.ghostN.primary' and '.cheap' (after BN and activation), and 'features' (the last
 * feature map before global pooling).
 */
export function tapNames(spec: NetSpec): string[] {
	const names = ['conv_stem'];
	for (const stage of spec.stages) {
		for (const block of stage.blocks) {
			if (block.ghost) {
				for (const m of [block.ghost.ghost1, block.ghost.ghost2]) {
					if (m.kind === 'ghost') names.push(`${m.key}.primary`, `${m.key}.cheap`);
				}
			}
			names.push(block.name);
		}
		names.push(`blocks.${stage.index}`);
	}
	names.push('features');
	return names;
}
