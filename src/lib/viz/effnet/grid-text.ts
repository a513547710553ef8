/** Strings of the grid-search figure, in both languages. */
import type { Localized } from '$lib/content/i18n';

export interface GridText {
	title: string;
	intro: string;
	alpha: string;
	beta: string;
	chart: string;
	curves: string;
	yours: string;
	paper: string;
	rows: {
		gamma: string;
		product: string;
		depth: string;
		width: string;
		resolution: string;
		blocks: string;
		macs: string;
		ofB0: string;
		params: string;
	};
	infeasible: (gamma: string) => string;
	note: string;
}

export const GRID_TEXT: Localized<GridText> = {
	en: {
		title: 'Step 1 of the grid search: φ = 1, α·β²·γ² = 2',
		intro:
			'Move α and β; γ follows from the constraint. The point is the real φ = 1 network of these coefficients (channels and layers rounded as the reference code rounds them), with its MACs against B0.',
		alpha: 'α (depth)',
		beta: 'β (width)',
		chart: 'α against β on the constraint surface, with curves of constant γ',
		curves: 'constant γ (γ = 1: the edge; γ > 1 below it)',
		yours: 'this point',
		paper: "paper's point",
		rows: {
			gamma: 'γ (resolution)',
			product: 'α·β²·γ²',
			depth: 'depth ×',
			width: 'width ×',
			resolution: 'resolution',
			blocks: 'blocks',
			macs: 'MACs',
			ofB0: 'MACs ÷ B0',
			params: 'params'
		},
		infeasible: (g) => `γ would be ${g}, below 1: the paper requires α, β, γ ≥ 1.`,
		note: 'The formula gives exactly twice the FLOPS of B0; the real networks cost more, because the reference code rounds every stage’s layer count up (B0’s one-block stages get two blocks at α = 1.2) and every stride-2 layer rounds an odd map size up, while rounding the channels to multiples of 8 pulls a little the other way. The paper trained such candidates and kept the most accurate; we have no accuracy for them, only their shape and cost.'
	},
	zh: {
		title: '网格搜索第一步：φ = 1，α·β²·γ² = 2',
		intro:
			'移动 α 和 β，γ 由约束决定。图中的点就是这组系数在 φ = 1 时的真实网络（通道数和层数按参考代码的规则取整），并给出它相对 B0 的 MACs。',
		alpha: 'α（深度）',
		beta: 'β（宽度）',
		chart: '约束曲面上的 α 与 β，以及 γ 取定值的曲线',
		curves: 'γ 取定值的曲线（γ = 1 为边界，其下方 γ > 1）',
		yours: '当前点',
		paper: '论文的点',
		rows: {
			gamma: 'γ（分辨率）',
			product: 'α·β²·γ²',
			depth: '深度 ×',
			width: '宽度 ×',
			resolution: '分辨率',
			blocks: '模块数',
			macs: 'MACs',
			ofB0: 'MACs ÷ B0',
			params: '参数量'
		},
		infeasible: (g) => `γ 将为 ${g}，小于 1：论文要求 α、β、γ ≥ 1。`,
		note: '按公式计算，FLOPS 正好是 B0 的 2 倍；真实网络的计算量更大，因为参考代码把每个阶段的层数向上取整（α = 1.2 时，B0 中只有一个模块的阶段变成两个模块），每个步长为 2 的层也把奇数大小的特征图向上取整，而把通道数取整到 8 的倍数的影响略微相反。论文训练了这样的候选网络并保留准确率最高的一个；我们没有它们的准确率，只有它们的形状和计算量。'
	}
};
