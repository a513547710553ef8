/** Labels of the Ghost bottleneck diagrams (two lines per box), in both languages. */
import type { Localized } from '$lib/content/i18n';
import type { Shape } from '$lib/nets';
import type { MainStep, ShortcutPath } from './bottleneck-steps';

export interface BoxLabel {
	title: string;
	detail: string;
}

export interface BottleneckText {
	step: (step: Exclude<MainStep, { kind: 'add' }>) => BoxLabel;
	shortcut: (path: Extract<ShortcutPath, { kind: 'projection' }>) => [BoxLabel, BoxLabel];
	identity: string;
	add: string;
	title: (name: string, stride: number, se: boolean) => string;
}

const shape = ([h, w, c]: Shape) => `${h}×${w}×${c}`;

const channels = (step: Extract<MainStep, { kind: 'ghost' }>) =>
	`${step.module.inChannels}→${step.module.outChannels}`;

/** "1×1: 36 + 3×3 dw: 36 · BN, ReLU": intrinsic maps from the primary conv, ghost maps from the cheap op. */
function moduleDetail(step: Extract<MainStep, { kind: 'ghost' }>, dw: string, activation: string): string {
	const m = step.module;
	return `1×1: ${m.primaryChannels} + ${m.cheapKernel}×${m.cheapKernel} ${dw}: ${m.cheapChannels} · ${activation}`;
}

export const bottleneckText: Localized<BottleneckText> = {
	zh: {
		step: (step) => {
			switch (step.kind) {
				case 'input':
					return { title: '输入', detail: shape(step.shape) };
				case 'output':
					return { title: '输出', detail: shape(step.shape) };
				case 'ghost':
					return {
						title: `Ghost 模块 ${step.which}（${step.which === 1 ? '扩展' : '压缩'}）：${channels(step)}`,
						detail: moduleDetail(step, '深度', step.module.relu ? 'BN，ReLU' : 'BN，无 ReLU')
					};
				case 'depthwise':
					return {
						title: `深度卷积 ${step.kernel}×${step.kernel}，步长 ${step.stride}`,
						detail: `${step.channels} 通道 · BN`
					};
				case 'se':
					return {
						title: 'SE（hard-sigmoid 门）',
						detail: `${step.channels}→${step.reduced}→${step.channels}`
					};
			}
		},
		shortcut: (p) => [
			{ title: `深度卷积 ${p.kernel}×${p.kernel}`, detail: `步长 ${p.stride} · ${p.inChannels} 通道 · BN` },
			{ title: '1×1 卷积', detail: `${p.inChannels}→${p.outChannels} · BN` }
		],
		identity: '恒等 shortcut',
		add: '相加',
		title: (name, stride, se) => `${name}：步长 ${stride} 的 Ghost bottleneck${se ? '，带 SE' : ''}`
	},
	en: {
		step: (step) => {
			switch (step.kind) {
				case 'input':
					return { title: 'Input', detail: shape(step.shape) };
				case 'output':
					return { title: 'Output', detail: shape(step.shape) };
				case 'ghost':
					return {
						title: `Ghost module ${step.which} (${step.which === 1 ? 'expand' : 'project'}): ${channels(step)}`,
						detail: moduleDetail(step, 'dw', step.module.relu ? 'BN, ReLU' : 'BN, no ReLU')
					};
				case 'depthwise':
					return {
						title: `Depthwise ${step.kernel}×${step.kernel}, stride ${step.stride}`,
						detail: `${step.channels} channels · BN`
					};
				case 'se':
					return {
						title: 'SE (hard-sigmoid gate)',
						detail: `${step.channels}→${step.reduced}→${step.channels}`
					};
			}
		},
		shortcut: (p) => [
			{ title: `Depthwise ${p.kernel}×${p.kernel}`, detail: `stride ${p.stride} · ${p.inChannels} ch · BN` },
			{ title: '1×1 conv', detail: `${p.inChannels}→${p.outChannels} · BN` }
		],
		identity: 'identity shortcut',
		add: 'add',
		title: (name, stride, se) => `${name}: stride-${stride} Ghost bottleneck${se ? ' with SE' : ''}`
	}
};
