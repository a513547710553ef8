/**
 * The social preview images (Open Graph / Twitter cards, 1200 × 630), drawn from the networks' specs
 * by the cost model, with no text (the card shows the title and description beside the image):
 * - efficientnet: MACs (blue) and parameters (orange) of B0…B7, each on a log scale, growing with φ;
 * - ghostnet: every Ghost module of GhostNet 1.0× as a column of its intrinsic maps (blue) with the
 *   ghost maps the cheap operation makes from them (orange) stacked on top;
 * - site: both, side by side.
 * Pure: a list of rectangles, and a rasterizer to RGBA pixels (the route encodes them as PNG).
 */
import type { Language } from '$lib/content/languages';
import { cost, efficientnet, ghostnet, type EfficientNetVariant } from '$lib/nets';

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;
export const PREVIEW_NAMES = ['efficientnet', 'ghostnet', 'site'] as const;
export type PreviewName = (typeof PREVIEW_NAMES)[number];

export type Rgb = [number, number, number];
export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
	colour: Rgb;
}

// The site's light palette (src/app.css): --bg, --series-1, --series-2, --border.
const BACKGROUND: Rgb = [0xfd, 0xfc, 0xfa];
const BLUE: Rgb = [0x2f, 0x6f, 0xb0];
const ORANGE: Rgb = [0xd9, 0x70, 0x2a];
const RULE: Rgb = [0xdc, 0xd8, 0xd0];

interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

const VARIANTS: EfficientNetVariant[] = ['b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7'];

/** B0…B7: a pair of bars each, MACs and parameters, heights on a log scale from a tenth of B0's. */
function efficientnetBars(box: Box): Rect[] {
	const costs = VARIANTS.map((variant) => cost(efficientnet({ variant })));
	const scale = (value: number, base: number, top: number) =>
		Math.log(value / (base / 10)) / Math.log(top / (base / 10));
	const [macs0, params0] = [costs[0].macs, costs[0].params];
	const [macs7, params7] = [costs[7].macs, costs[7].params];
	const group = box.width / VARIANTS.length;
	const bar = group * 0.32;
	return costs.flatMap((c, i) => {
		const x = box.x + i * group + group * 0.14;
		const heights = [scale(c.macs, macs0, macs7), scale(c.params, params0, params7)].map(
			(h) => h * box.height
		);
		return heights.map((h, j) => ({
			x: x + j * (bar + group * 0.04),
			y: box.y + box.height - h,
			width: bar,
			height: h,
			colour: j === 0 ? BLUE : ORANGE
		}));
	});
}

/** GhostNet 1.0×: one column per Ghost module, intrinsic maps below, ghost maps on top, by channels. */
function ghostnetColumns(box: Box): Rect[] {
	const spec = ghostnet({ width: 1 });
	const modules = spec.stages.flatMap((s) =>
		s.blocks.flatMap((b) => (b.ghost ? [b.ghost.ghost1, b.ghost.ghost2] : []))
	);
	const most = Math.max(...modules.map((m) => m.primaryChannels + m.cheapChannels));
	const step = box.width / modules.length;
	const width = step * 0.72;
	return modules.flatMap((m, i) => {
		const x = box.x + i * step;
		const intrinsic = (m.primaryChannels / most) * box.height;
		const ghost = (m.cheapChannels / most) * box.height;
		const bottom = box.y + box.height;
		return [
			{ x, y: bottom - intrinsic, width, height: intrinsic, colour: BLUE },
			{ x, y: bottom - intrinsic - ghost, width, height: ghost, colour: ORANGE }
		];
	});
}

/** The preview image `name` as rectangles on the background, a baseline under each chart. */
export function previewRects(name: PreviewName): Rect[] {
	const margin = 80;
	const full: Box = {
		x: margin,
		y: margin,
		width: PREVIEW_WIDTH - 2 * margin,
		height: PREVIEW_HEIGHT - 2 * margin
	};
	const baseline = (box: Box): Rect => ({
		x: box.x - 10,
		y: box.y + box.height,
		width: box.width + 20,
		height: 3,
		colour: RULE
	});
	if (name === 'efficientnet') return [baseline(full), ...efficientnetBars(full)];
	if (name === 'ghostnet') return [baseline(full), ...ghostnetColumns(full)];
	const half = (full.width - margin) / 2;
	const left = { ...full, width: half };
	const right = { ...full, x: full.x + half + margin, width: half };
	return [baseline(left), baseline(right), ...efficientnetBars(left), ...ghostnetColumns(right)];
}

/** RGBA pixels of the rectangles drawn in order on the background (edges rounded to whole pixels). */
export function rasterize(rects: Rect[], width = PREVIEW_WIDTH, height = PREVIEW_HEIGHT): Uint8Array {
	const pixels = new Uint8Array(width * height * 4);
	const fill = (x0: number, y0: number, x1: number, y1: number, [r, g, b]: Rgb) => {
		for (let y = Math.max(0, y0); y < Math.min(height, y1); y++)
			for (let x = Math.max(0, x0); x < Math.min(width, x1); x++) {
				const i = (y * width + x) * 4;
				pixels[i] = r;
				pixels[i + 1] = g;
				pixels[i + 2] = b;
				pixels[i + 3] = 255;
			}
	};
	fill(0, 0, width, height, BACKGROUND);
	for (const r of rects)
		fill(Math.round(r.x), Math.round(r.y), Math.round(r.x + r.width), Math.round(r.y + r.height), r.colour);
	return pixels;
}

/** What each preview image shows, for og:image:alt and twitter:image:alt. */
const ALT: Record<PreviewName, Record<Language, string>> = {
	efficientnet: {
		en: "Bar chart: EfficientNet-B0 to B7, each variant's MACs and parameters on a log scale, growing with φ.",
		zh: '柱状图：EfficientNet-B0 到 B7 各自的 MACs 与参数量（对数刻度），随 φ 增长。'
	},
	ghostnet: {
		en: 'Column chart: every Ghost module of GhostNet 1.0×, its intrinsic feature maps with the ghost maps made from them stacked on top.',
		zh: '柱状图：GhostNet 1.0× 的每个 Ghost 模块，本征特征图之上叠放由它们生成的幻影特征图。'
	},
	site: {
		en: "EfficientNet-B0 to B7's MACs and parameters beside GhostNet 1.0×'s intrinsic and ghost feature maps.",
		zh: 'EfficientNet-B0 到 B7 的 MACs 与参数量，旁边是 GhostNet 1.0× 的本征特征图与幻影特征图。'
	}
};

export function previewAlt(name: PreviewName, lang: Language): string {
	return ALT[name][lang];
}

export function isPreviewName(name: string): name is PreviewName {
	return (PREVIEW_NAMES as readonly string[]).includes(name);
}
