/** Strings of the "Inside an MBConv block" figure, in both languages. */
import type { Localized } from '$lib/content/i18n';
import type { Block } from '$lib/nets';
import type { BlockStep, BlockSteps, StepKind } from './mbconv-steps';

export interface MbconvText {
	title: (network: string) => string;
	block: string;
	option: (b: Block) => string;
	columns: [string, string, string, string];
	step: (kind: StepKind, s: BlockStep | null, block: BlockSteps) => string;
	skipped: (kind: StepKind, block: BlockSteps) => string;
	total: string;
	stageSum: (stage: number, blocks: number, macs: string) => string;
	notCounted: string;
	inverted: (b: BlockSteps) => string;
	activations: string;
	activationNote: (min: string, at: string) => string;
}

const kxk = (s: BlockStep | null) => (s?.kernel ? `${s.kernel}×${s.kernel}` : '');

export const MBCONV_TEXT: Localized<MbconvText> = {
	en: {
		title: (network) => `Inside an MBConv block of ${network}`,
		block: 'Block',
		option: (b) =>
			`${b.name}: stage ${b.stage + 2}, MBConv${b.expandRatio} k${b.kernel}, ${b.inChannels}→${b.midChannels}→${b.outChannels}, ${b.input[0]}×${b.input[1]}${b.stride > 1 ? ', stride 2' : ''}`,
		columns: ['Step', 'Output', 'Params', 'MACs'],
		step: (kind, s, b) =>
			({
				input: 'Block input',
				expand: `Expand 1×1 (×${b.expandRatio})`,
				'bn-silu': 'BN + SiLU',
				depthwise: `Depthwise ${kxk(s)}${s && s.stride && s.stride > 1 ? `, stride ${s.stride}` : ''}`,
				'se-pool': 'SE: global average pool',
				'se-reduce': `SE: reduce 1×1 to ${s?.shape[2]}`,
				'se-silu': 'SE: SiLU',
				'se-expand': `SE: expand 1×1 to ${s?.shape[2]}`,
				'se-sigmoid': 'SE: sigmoid (one gate per channel)',
				'se-scale': 'SE: scale each channel by its gate',
				project: 'Project 1×1',
				bn: 'BN (no activation)',
				residual: 'Residual: add the block input'
			})[kind],
		skipped: (kind, b) =>
			kind === 'residual'
				? b.noResidual === 'stride'
					? 'No residual: stride 2 changes the map size'
					: `No residual: ${b.inChannels} → ${b.outChannels} channels`
				: kind === 'expand'
					? 'No expand: expansion ratio 1'
					: 'No BN + SiLU after an expand',
		total: 'Block total',
		stageSum: (stage, blocks, macs) =>
			`The ${blocks} block${blocks > 1 ? 's' : ''} of stage ${stage} sum to ${macs}MACs, its row in the stage table above.`,
		notCounted:
			'Steps without a convolution (BN, activations, pooling, the gate, the scale and the add) touch every value of their tensor but count no MACs, as in the stage table; BN has two parameters per channel.',
		inverted: (b) =>
			b.expandRatio === 1
				? `This block has expansion ratio 1: no expand, so it is a depthwise-separable conv (depthwise ${b.inChannels} channels, then a 1×1 to ${b.outChannels}) with SE in between.`
				: `Why "inverted": a ResNet bottleneck narrows the channels, works on the narrow tensor and widens it again; MBConv does the opposite, ${b.inChannels} → ${b.midChannels} → ${b.outChannels}: it widens ×${b.expandRatio}, lets only the cheap depthwise conv touch the wide tensor, and narrows back, so the residual joins the two narrow ends (MobileNetV2's inverted residual).`,
		activations: 'SiLU and ReLU',
		activationNote: (min, at) =>
			`SiLU(x) = x·σ(x) is smooth and lets small negative values through (its minimum is ${min} at x = ${at}); ReLU sets every negative value to 0. EfficientNet uses SiLU (swish) after every BN that has an activation and inside SE.`
	},
	zh: {
		title: (network) => `${network} 的一个 MBConv 模块内部`,
		block: '模块',
		option: (b) =>
			`${b.name}：阶段 ${b.stage + 2}，MBConv${b.expandRatio} k${b.kernel}，${b.inChannels}→${b.midChannels}→${b.outChannels}，${b.input[0]}×${b.input[1]}${b.stride > 1 ? '，步长 2' : ''}`,
		columns: ['步骤', '输出', '参数量', 'MACs'],
		step: (kind, s, b) =>
			({
				input: '模块输入',
				expand: `扩展 1×1（×${b.expandRatio}）`,
				'bn-silu': 'BN + SiLU',
				depthwise: `深度卷积 ${kxk(s)}${s && s.stride && s.stride > 1 ? `，步长 ${s.stride}` : ''}`,
				'se-pool': 'SE：全局平均池化',
				'se-reduce': `SE：1×1 压缩到 ${s?.shape[2]}`,
				'se-silu': 'SE：SiLU',
				'se-expand': `SE：1×1 扩展到 ${s?.shape[2]}`,
				'se-sigmoid': 'SE：sigmoid（每个通道一个门控值）',
				'se-scale': 'SE：每个通道乘以它的门控值',
				project: '投影 1×1',
				bn: 'BN（无激活）',
				residual: '残差：加上模块输入'
			})[kind],
		skipped: (kind, b) =>
			kind === 'residual'
				? b.noResidual === 'stride'
					? '无残差：步长 2 改变了特征图大小'
					: `无残差：通道数 ${b.inChannels} → ${b.outChannels}`
				: kind === 'expand'
					? '无扩展：扩展倍数为 1'
					: '没有扩展，也就没有其后的 BN + SiLU',
		total: '模块合计',
		stageSum: (stage, blocks, macs) =>
			`阶段 ${stage} 的 ${blocks} 个模块合计 ${macs}MACs，即上面阶段表中这一行的值。`,
		notCounted:
			'没有卷积的步骤（BN、激活函数、池化、门控、逐通道相乘和相加）虽然要处理张量中的每个值，但与阶段表一样不计入 MACs；BN 每个通道有两个参数。',
		inverted: (b) =>
			b.expandRatio === 1
				? `这个模块的扩展倍数为 1，没有扩展层，所以它就是一个深度可分离卷积（对 ${b.inChannels} 个通道做深度卷积，再用 1×1 卷积变为 ${b.outChannels} 个通道），中间夹着 SE。`
				: `为什么叫“倒置”：ResNet 的 bottleneck 先把通道变窄，在窄的张量上计算，再变宽；MBConv 正好相反，${b.inChannels} → ${b.midChannels} → ${b.outChannels}：先扩展 ${b.expandRatio} 倍，只让廉价的深度卷积处理宽的张量，再压缩回来，残差连接的是两端较窄的张量（MobileNetV2 的倒置残差）。`,
		activations: 'SiLU 与 ReLU',
		activationNote: (min, at) =>
			`SiLU(x) = x·σ(x) 是光滑的，并允许较小的负值通过（最小值为 ${min}，在 x = ${at} 处）；ReLU 把所有负值置为 0。EfficientNet 在每个带激活的 BN 之后以及 SE 内部都使用 SiLU（swish）。`
	}
};
