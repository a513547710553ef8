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

function moduleDetail(step: Extract<MainStep, { kind: 'ghost' }>, dw: string, relu: string): string {
	const m = step.module;
	return `${m.inChannels}→${m.outChannels} · 1×1: ${m.primaryChannels} + ${m.cheapKernel}×${m.cheapKernel} ${dw}: ${m.cheapChannels}${m.relu ? relu : ''}`;
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
						title: step.which === 1 ? 'Ghost 模块 1（扩展），BN' : 'Ghost 模块 2（压缩），BN，无 ReLU',
						detail: moduleDetail(step, '深度', ' · ReLU')
					};
				case 'depthwise':
					return {
						title: `深度卷积 ${step.kernel}×${step.kernel}，步长 ${step.stride}，BN`,
						detail: `${step.channels} 通道`
					};
				case 'se':
					return {
						title: 'SE（hard-sigmoid 门）',
						detail: `${step.channels}→${step.reduced}→${step.channels}`
					};
			}
		},
		shortcut: (p) => [
			{ title: `深度卷积 ${p.kernel}×${p.kernel}，步长 ${p.stride}`, detail: `${p.inChannels} 通道，BN` },
			{ title: '1×1 卷积', detail: `${p.inChannels}→${p.outChannels}，BN` }
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
						title: step.which === 1 ? 'Ghost module 1 (expand), BN' : 'Ghost module 2 (project), BN, no ReLU',
						detail: moduleDetail(step, 'dw', ' · ReLU')
					};
				case 'depthwise':
					return {
						title: `Depthwise ${step.kernel}×${step.kernel}, stride ${step.stride}, BN`,
						detail: `${step.channels} channels`
					};
				case 'se':
					return {
						title: 'SE (hard-sigmoid gate)',
						detail: `${step.channels}→${step.reduced}→${step.channels}`
					};
			}
		},
		shortcut: (p) => [
			{
				title: `Depthwise ${p.kernel}×${p.kernel}, stride ${p.stride}`,
				detail: `${p.inChannels} channels, BN`
			},
			{ title: '1×1 conv', detail: `${p.inChannels}→${p.outChannels}, BN` }
		],
		identity: 'identity shortcut',
		add: 'add',
		title: (name, stride, se) => `${name}: stride-${stride} Ghost bottleneck${se ? ' with SE' : ''}`
	}
};
