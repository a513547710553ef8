/** Strings of the compression calculator (CompressionCalculator.svelte), in both languages. */
import type { Localized } from '$lib/content/i18n';
import type { GhostModuleSpec } from '$lib/nets';

interface SummaryValues {
	rs: string;
	rc: string;
	ghostFlops: string;
	convFlops: string;
	ghostParams: string;
	convParams: string;
	share: string;
}

export interface CalculatorText {
	caption: string;
	controls: string;
	s: string;
	d: string;
	k: string;
	c: string;
	n: string;
	h: string;
	w: string;
	sValue: (s: number) => string;
	kernelValue: (name: string, size: number) => string;
	channelValue: (name: string, count: number) => string;
	sizeValue: (name: string, size: number) => string;
	ghostnetPreset: string;
	loadModule: string;
	pickModule: string;
	moduleOption: (m: GhostModuleSpec) => string;
	ordinary: string;
	ghostModule: string;
	ratios: string;
	summary: (v: SummaryValues) => string;
}

export const calculatorText: Localized<CalculatorText> = {
	zh: {
		caption:
			'压缩率计算器：调节参数，查看普通卷积与 Ghost 模块的计算量（FLOPs，即乘加次数）和参数量，以及精确的 r_s、r_c 与论文的近似值。',
		controls: '参数',
		s: 's（比例）',
		d: 'd（廉价操作核）',
		k: 'k（卷积核）',
		c: 'c（输入通道）',
		n: 'n（输出特征图）',
		h: 'h′（输出高度）',
		w: 'w′（输出宽度）',
		sValue: (s) => `s = ${s}，每个内在特征图得到 ${s} 个输出特征图`,
		kernelValue: (name, size) => `${name} = ${size}，${size}×${size} 卷积核`,
		channelValue: (name, count) => `${name} = ${count} 个通道`,
		sizeValue: (name, size) => `${name} = ${size} 像素`,
		ghostnetPreset: '与 GhostNet 相同（k = 1，d = 3）',
		loadModule: '或载入 GhostNet 1.0× 中一个真实的 Ghost 模块：',
		pickModule: '选择模块…',
		moduleOption: (m) =>
			`${m.key}：${m.inChannels}→${m.outChannels}，${m.spatial[0]}×${m.spatial[1]}，k=${m.primaryKernel}，d=${m.cheapKernel}`,
		ordinary: '普通卷积',
		ghostModule: 'Ghost 模块',
		ratios: '加速比与压缩比',
		summary: (v) =>
			`r_s = ${v.rs}，r_c = ${v.rc}：Ghost 模块需要 ${v.ghostFlops} 次乘加（普通卷积为 ${v.convFlops}，占 ${v.share}），` +
			`参数 ${v.ghostParams} 个（普通卷积为 ${v.convParams} 个）。`
	},
	en: {
		caption:
			'Compression calculator: move the parameters to see the cost (FLOPs, i.e. multiply-adds) and parameters of an ordinary convolution and of a Ghost module, and the exact r_s and r_c next to the paper’s approximations.',
		controls: 'Parameters',
		s: 's (ratio)',
		d: 'd (cheap kernel)',
		k: 'k (conv kernel)',
		c: 'c (input channels)',
		n: 'n (output maps)',
		h: 'h′ (output height)',
		w: 'w′ (output width)',
		sValue: (s) => `s = ${s}, each intrinsic map gives ${s} output maps`,
		kernelValue: (name, size) => `${name} = ${size}, a ${size} by ${size} kernel`,
		channelValue: (name, count) => `${name} = ${count} channels`,
		sizeValue: (name, size) => `${name} = ${size} pixels`,
		ghostnetPreset: 'As in GhostNet (k = 1, d = 3)',
		loadModule: 'Or load a real Ghost module of GhostNet 1.0×:',
		pickModule: 'Choose a module…',
		moduleOption: (m) =>
			`${m.key}: ${m.inChannels}→${m.outChannels}, ${m.spatial[0]}×${m.spatial[1]}, k=${m.primaryKernel}, d=${m.cheapKernel}`,
		ordinary: 'Ordinary convolution',
		ghostModule: 'Ghost module',
		ratios: 'Speed-up and compression',
		summary: (v) =>
			`r_s = ${v.rs}, r_c = ${v.rc}: the Ghost module needs ${v.ghostFlops} multiply-adds instead of ${v.convFlops} ` +
			`(${v.share}) and ${v.ghostParams} parameters instead of ${v.convParams}.`
	}
};
