/**
 * The backend panel's words in both languages (pure): the choices, what runs where, and why the
 * automatic policy runs what it runs, with both measured times when it measured.
 */
import type { Language } from '$lib/content/languages';
import type { Localized } from '$lib/content/i18n';
import type { BackendState } from '$lib/live/protocol';
import type { BackendName, FallbackReason } from '$lib/nets';

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

export const backendText = {
	zh: {
		legend: '计算后端',
		hint: '默认自动：先用 WebAssembly，测得 WebGL 更快时再切换；你的选择会被记住。',
		names: { auto: '自动（实测）', webgl: 'WebGL', wasm: 'WebAssembly (wasm)', cpu: 'CPU' },
		switching: '正在切换后端并重建网络…',
		using: (name: string) => `实际使用：${name}`,
		simd: (simd: boolean, threads: number) =>
			`WebAssembly 后端：SIMD ${simd ? '开启' : '不可用'}，${threads} 个线程`,
		thread: {
			worker: '在后台线程（Web Worker）中运行',
			main: '在页面主线程中运行（此浏览器没有模块 Worker）'
		},
		reasons: {
			'webgl-unavailable': 'WebGL 在这里不可用',
			'webgl-context-lost': 'WebGL 上下文丢失了（显卡重置或驱动出错）',
			'wasm-unavailable': 'WebAssembly 后端无法启动',
			'cpu-unavailable': 'CPU 后端无法启动'
		} satisfies Record<FallbackReason, string>,
		and: '；',
		fallback: (why: string, name: string) => `${why}，所以网络改在 ${name} 上运行。`
	},
	en: {
		legend: 'Backend',
		hint: 'Automatic by default: WebAssembly first, WebGL once measured faster. Your choice is remembered.',
		names: { auto: 'Automatic (measured)', webgl: 'WebGL', wasm: 'WebAssembly (wasm)', cpu: 'CPU' },
		switching: 'Switching backend and rebuilding the networks…',
		using: (name: string) => `In use: ${name}`,
		simd: (simd: boolean, threads: number) =>
			`WebAssembly backend: SIMD ${simd ? 'on' : 'unavailable'}, ${threads} thread${threads === 1 ? '' : 's'}`,
		thread: {
			worker: 'in a background worker',
			main: "on the page's main thread (this browser has no module workers)"
		},
		reasons: {
			'webgl-unavailable': 'WebGL is not available here',
			'webgl-context-lost': 'The WebGL context was lost (GPU reset or driver error)',
			'wasm-unavailable': 'The WebAssembly backend could not start',
			'cpu-unavailable': 'The CPU backend could not start'
		} satisfies Record<FallbackReason, string>,
		and: '; ',
		fallback: (why: string, name: string) => `${why}, so the networks run on ${name} instead.`
	}
};

type Names = Record<BackendName, string>;

const SOFTWARE_RENDERERS = /SwiftShader|llvmpipe|softpipe|Microsoft Basic Render Driver/i;

/**
 * A software renderer's name as readers need it: "SwiftShader", not the driver's whole description
 * ("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)").
 */
export function rendererName(renderer: string): string {
	if (renderer.length <= 40) return renderer;
	return renderer.match(SOFTWARE_RENDERERS)?.[0] ?? `${renderer.slice(0, 39)}…`;
}

/** The wasm backend's SIMD and thread count, for the developer details; null when wasm is not in use. */
export function wasmDetail(state: BackendState | null, lang: Language): string | null {
	const wasm = state?.info.active === 'wasm' ? state.info.wasm : null;
	return wasm ? backendText[lang].simd(wasm.simd, wasm.threads) : null;
}

const why: Localized<{
	chosen: string;
	waiting: (active: string) => string;
	unavailable: (active: string) => string;
	software: (renderer: string, active: string) => string;
	compiling: (active: string) => string;
	measured: (model: string, webgl: string, current: string, currentName: string, active: string) => string;
	failed: (detail: string, active: string) => string;
}> = {
	zh: {
		chosen: '这是你选择的后端，本设备会记住它。选“自动”可恢复实测选择。',
		waiting: (a) => `自动：先用启动最快的 ${a} 给出第一个结果；之后在后台测一测 WebGL。`,
		unavailable: (a) => `自动：这个浏览器里没有 WebGL，所以用 ${a}。`,
		software: (r, a) => `自动：这里的 WebGL 由软件模拟（${r}），不会比 ${a} 快，所以没有尝试。`,
		compiling: (a) => `自动：正在后台为 GPU 编译网络（WebGL）；期间继续用 ${a}。`,
		measured: (m, w, c, cn, a) => `自动：在 ${m} 上实测每张图 WebGL ${w} ms，${cn} ${c} ms，所以用 ${a}。`,
		failed: (d, a) => `自动：无法测量 WebGL（${d}），所以用 ${a}。`
	},
	en: {
		chosen: 'Your choice, remembered on this device. Pick “Automatic” to let measurements decide again.',
		waiting: (a) =>
			`Automatic: ${a} starts fastest, so it gives the first result; WebGL is measured in the background afterwards.`,
		unavailable: (a) => `Automatic: this browser has no WebGL, so ${a} runs.`,
		software: (r, a) =>
			`Automatic: WebGL here is rendered in software (${r}), never faster than ${a}, so it was not tried.`,
		compiling: (a) =>
			`Automatic: compiling the networks for the GPU (WebGL) in the background; ${a} runs meanwhile.`,
		measured: (m, w, c, cn, a) =>
			`Automatic: measured on ${m}, WebGL ${w} ms and ${cn} ${c} ms per image, so ${a} runs.`,
		failed: (d, a) => `Automatic: WebGL could not be measured (${d}), so ${a} runs.`
	}
};

/** Why the runtime runs on its backend, with the measured times when the policy measured. */
export function backendWhy(state: BackendState, lang: Language, nameOf: (modelId: string) => string): string {
	const names: Names = { webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU' };
	const w = why[lang];
	const active = names[state.info.active];
	if (state.choice !== null) return w.chosen;
	const gpu = state.gpu;
	switch (gpu.phase) {
		case 'not-needed':
			return w.chosen;
		case 'waiting':
			return w.waiting(active);
		case 'unavailable':
			return w.unavailable(active);
		case 'software':
			return w.software(rendererName(gpu.renderer), active);
		case 'compiling':
			return w.compiling(active);
		case 'measured':
			return w.measured(nameOf(gpu.modelId), ms(gpu.webglMs), ms(gpu.currentMs), names[gpu.current], active);
		case 'failed':
			return w.failed(gpu.detail, active);
	}
}
