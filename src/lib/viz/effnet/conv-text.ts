/** Strings of the "Convolutions, side by side" figure, in both languages. */
import type { Localized } from '$lib/content/i18n';
import type { ConvKind } from '$lib/nets';

export interface ConvText {
	title: string;
	intro: string;
	cIn: string;
	cOut: string;
	kernel: string;
	size: string;
	trace: string;
	valueText: (value: number) => string;
	kinds: Record<ConvKind, string>;
	/** Formulas of the weights, with the symbols of the sliders. */
	weightFormula: Record<ConvKind, string>;
	pixelFormula: Record<ConvKind, string>;
	weights: string;
	perPixel: string;
	total: (size: number) => string;
	totalFormula: string;
	ofOrdinary: (share: string) => string;
	columns: { in: string; mid: string; out: string };
	more: (n: number) => string;
	reads: (kind: ConvKind, out: number, inputs: number) => string;
	depthwiseKeeps: (c: number) => string;
	note: string;
}

export const CONV_TEXT: Localized<ConvText> = {
	en: {
		title: 'Convolutions, side by side',
		intro:
			'Set the channels, the kernel and the map size. Each diagram draws which input channels an output channel reads (the traced output in colour); below it, the weights and the multiply-adds, counted by the same cost model as every table on this site.',
		cIn: 'C_in (input channels)',
		cOut: 'C_out (output channels)',
		kernel: 'k (kernel size)',
		size: 'H = W (map size)',
		trace: 'traced output channel',
		valueText: (v) => String(v),
		kinds: { ordinary: 'Ordinary k×k', depthwise: 'Depthwise k×k', separable: 'Depthwise-separable' },
		weightFormula: { ordinary: 'C_in·C_out·k²', depthwise: 'C_in·k²', separable: 'C_in·k² + C_in·C_out' },
		pixelFormula: { ordinary: 'C_in·C_out·k²', depthwise: 'C_in·k²', separable: 'C_in·k² + C_in·C_out' },
		weights: 'weights',
		perPixel: 'MACs per output pixel',
		total: (size) => `MACs on the ${size}×${size} map`,
		totalFormula: 'H·W × MACs per pixel',
		ofOrdinary: (share) => `${share} of the ordinary conv's MACs`,
		columns: { in: 'input', mid: 'depthwise', out: 'output' },
		more: (n) => `+${n} more`,
		reads: (kind, out, inputs) =>
			kind === 'depthwise'
				? `Output channel ${out + 1} reads input channel ${out + 1} only.`
				: kind === 'separable'
					? `Output channel ${out + 1} reads all ${inputs} input channels, each through its own k×k filter, mixed by one 1×1 weight each.`
					: `Output channel ${out + 1} reads all ${inputs} input channels, with a k×k filter for each.`,
		depthwiseKeeps: (c) => `A depthwise conv keeps the ${c} input channels: C_out does not apply.`,
		note: 'Stride 1, same padding (the map keeps its size); no biases, since batch norm follows each conv in both networks. MACs count the convolutions only.'
	},
	zh: {
		title: '三种卷积并排比较',
		intro:
			'设定通道数、卷积核和特征图大小。每幅图画出一个输出通道读取哪些输入通道（着色的是被追踪的输出）；图下给出权重数和乘加次数，由本站所有表格共用的同一个计算量模型统计。',
		cIn: 'C_in（输入通道数）',
		cOut: 'C_out（输出通道数）',
		kernel: 'k（卷积核大小）',
		size: 'H = W（特征图大小）',
		trace: '追踪的输出通道',
		valueText: (v) => String(v),
		kinds: { ordinary: '普通 k×k 卷积', depthwise: '深度卷积 k×k', separable: '深度可分离卷积' },
		weightFormula: { ordinary: 'C_in·C_out·k²', depthwise: 'C_in·k²', separable: 'C_in·k² + C_in·C_out' },
		pixelFormula: { ordinary: 'C_in·C_out·k²', depthwise: 'C_in·k²', separable: 'C_in·k² + C_in·C_out' },
		weights: '权重数',
		perPixel: '每个输出像素的 MACs',
		total: (size) => `${size}×${size} 特征图上的 MACs`,
		totalFormula: 'H·W × 每像素 MACs',
		ofOrdinary: (share) => `为普通卷积 MACs 的 ${share}`,
		columns: { in: '输入', mid: '深度卷积', out: '输出' },
		more: (n) => `另有 ${n} 个`,
		reads: (kind, out, inputs) =>
			kind === 'depthwise'
				? `输出通道 ${out + 1} 只读取输入通道 ${out + 1}。`
				: kind === 'separable'
					? `输出通道 ${out + 1} 读取全部 ${inputs} 个输入通道：每个通道先经过自己的 k×k 滤波器，再由 1×1 卷积各用一个权重混合。`
					: `输出通道 ${out + 1} 读取全部 ${inputs} 个输入通道，每个通道各用一个 k×k 滤波器。`,
		depthwiseKeeps: (c) => `深度卷积保持 ${c} 个输入通道，C_out 对它不起作用。`,
		note: '步长 1，same 填充（特征图大小不变）；不计偏置，因为两个网络中每个卷积后面都接 BN。MACs 只统计卷积。'
	}
};
