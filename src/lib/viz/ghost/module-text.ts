/** Strings of the Ghost module diagram (GhostModuleDiagram.svelte and its two SVGs), in both languages. */
import type { Localized } from '$lib/content/i18n';

export interface ModuleCounts {
	n: number;
	s: number;
	m: number;
	ghosts: number;
	dropped: number;
}

export interface ModuleText {
	caption: string;
	controls: string;
	n: string;
	s: string;
	nValue: (n: number) => string;
	sValue: (s: number) => string;
	convTitle: string;
	ghostTitle: string;
	input: string;
	conv: string;
	intrinsic: string;
	output: string;
	identity: string;
	cheap: string;
	dropped: string;
	convDescription: (c: ModuleCounts) => string;
	ghostDescription: (c: ModuleCounts) => string;
}

export const moduleText: Localized<ModuleText> = {
	zh: {
		caption: '普通卷积与 Ghost 模块。调节 n 和 s，图会跟着变化。',
		controls: '图的参数',
		n: 'n（输出特征图）',
		s: 's（比例）',
		nValue: (n) => `n = ${n} 个输出特征图`,
		sValue: (s) => `s = ${s}，每个内在特征图得到 ${s} 个输出特征图`,
		convTitle: '(a) 普通卷积',
		ghostTitle: '(b) Ghost 模块',
		input: '输入',
		conv: '卷积',
		intrinsic: '内在',
		output: '输出',
		identity: '恒等映射',
		cheap: 'Φ：d×d 深度卷积',
		dropped: '被切掉',
		convDescription: (c) => `普通卷积：一个 k×k 卷积直接从 c 个输入通道生成全部 n = ${c.n} 个输出特征图。`,
		ghostDescription: (c) =>
			`Ghost 模块：一个 k×k 卷积先生成 m = ⌈n/s⌉ = ${c.m} 个内在特征图；` +
			(c.ghosts > 0
				? `${c.ghosts} 个廉价的 d×d 深度卷积操作 Φ（每个内在特征图 ${c.s - 1} 个）生成 ${c.ghosts} 个 ghost 特征图；`
				: 's = 1 时没有 ghost 特征图，模块就是普通卷积；') +
			`恒等映射把 ${c.m} 个内在特征图原样保留；拼接后得到 n = ${c.n} 个输出特征图` +
			(c.dropped > 0 ? `（多出的 ${c.dropped} 个 ghost 特征图被切掉）。` : '。')
	},
	en: {
		caption: 'An ordinary convolution and a Ghost module. Move n and s and the diagram follows.',
		controls: 'Diagram parameters',
		n: 'n (output maps)',
		s: 's (ratio)',
		nValue: (n) => `n = ${n} output maps`,
		sValue: (s) => `s = ${s}, each intrinsic map gives ${s} output maps`,
		convTitle: '(a) Ordinary convolution',
		ghostTitle: '(b) Ghost module',
		input: 'input',
		conv: 'conv',
		intrinsic: 'intrinsic',
		output: 'output',
		identity: 'identity',
		cheap: 'Φ: d×d depthwise',
		dropped: 'sliced off',
		convDescription: (c) =>
			`Ordinary convolution: one k×k convolution makes all n = ${c.n} output maps from the c input channels.`,
		ghostDescription: (c) =>
			`Ghost module: a k×k convolution makes m = ⌈n/s⌉ = ${c.m} intrinsic maps; ` +
			(c.ghosts > 0
				? `${c.ghosts} cheap d×d depthwise operations Φ (${c.s - 1} per intrinsic map) make ${c.ghosts} ghost maps; `
				: 'with s = 1 there are no ghost maps and the module is an ordinary convolution; ') +
			`the identity passes the ${c.m} intrinsic maps through; concatenated, they are the n = ${c.n} output maps` +
			(c.dropped > 0 ? ` (the ${c.dropped} surplus ghost maps are sliced off).` : '.')
	}
};
