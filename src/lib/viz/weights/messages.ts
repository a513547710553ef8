/** Reader-facing text for every weight failure, in both languages (pure). */
import type { Language } from '$lib/content/languages';
import type { WeightErrorCode, WeightFailure } from '$lib/live/weight-errors';
import { STALL_TIMEOUT_MS } from '$lib/nets';

const stallSeconds = Math.round(STALL_TIMEOUT_MS / 1000);

function hostOf(url: string | null): string {
	if (!url) return '';
	try {
		return new URL(url, 'http://localhost').host;
	} catch {
		return url;
	}
}

type Message = (failure: WeightFailure, model: string) => string;

const MESSAGES: Record<Language, Record<WeightErrorCode, Message>> = {
	en: {
		'not-found': (f) =>
			`The weights file is not at ${f.url ?? 'this address'} (HTTP ${f.status ?? 404}). The server may not host this checkpoint: check the address, or choose a file.`,
		'http-error': (f) =>
			`The server answered HTTP ${f.status ?? '?'} for ${f.url ?? 'the weights file'}. Retry later, or choose a file.`,
		'html-instead-of-weights': () =>
			'The server sent a web page instead of the weights file (often a sign-in, error or network login page).',
		truncated: () => 'The weights file is incomplete: the download stopped early or the file was cut short.',
		'wrong-model': (_f, model) => `This file holds the weights of a different network, not ${model}.`,
		'cors-or-network': (f) =>
			`Could not reach ${hostOf(f.url) || 'the server'}: it may be down, blocked on this network, or refusing requests from this site (CORS).`,
		offline: () => 'You are offline. Connect and retry, or choose a weights file you downloaded earlier.',
		aborted: () => 'Loading was cancelled.',
		'invalid-file': () => 'This is not a safetensors weights file.',
		'unsupported-dtype': () =>
			'This safetensors file stores its weights in a number type this page does not read (it reads 32-bit and 16-bit floats: F32, F16, BF16). Convert the checkpoint to F32.',
		'no-tensors': () => 'This safetensors file holds no tensors at all: there are no weights in it.',
		'exceeds-file': () =>
			'The file’s header declares more bytes than the file has: it is damaged or was cut short, so nothing of it was read.',
		'non-finite': () =>
			'Some weights in this file are not numbers (NaN or infinite), so the network would give meaningless answers. The file is damaged, or comes from a training run that diverged.',
		stalled: () =>
			`The download stopped: nothing arrived for ${stallSeconds} seconds. The server or the connection may be stuck; retry, or choose a file.`,
		'hash-mismatch': () =>
			'The downloaded file differs from the one the server publishes (its SHA-256 does not match), so it was not used. Retry the download.',
		'build-failed': (f) =>
			`The network could not be built on this backend (${f.detail}). Try another backend.`
	},
	zh: {
		'not-found': (f) =>
			`在 ${f.url ?? '这个地址'} 找不到权重文件（HTTP ${f.status ?? 404}）。服务器上可能没有这个检查点：请检查地址，或选择本地文件。`,
		'http-error': (f) =>
			`服务器对 ${f.url ?? '权重文件'} 返回了 HTTP ${f.status ?? '?'}。请稍后重试，或选择本地文件。`,
		'html-instead-of-weights': () =>
			'服务器返回的是网页而不是权重文件（常见于登录页、错误页或网络认证页面）。',
		truncated: () => '权重文件不完整：下载中途中断，或文件被截断。',
		'wrong-model': (_f, model) => `这个文件里是另一个网络的权重，不是 ${model} 的。`,
		'cors-or-network': (f) =>
			`无法连接 ${hostOf(f.url) || '服务器'}：服务器可能宕机、在当前网络中被屏蔽，或拒绝来自本站的请求（CORS）。`,
		offline: () => '当前处于离线状态。请联网后重试，或选择之前下载好的权重文件。',
		aborted: () => '已取消加载。',
		'invalid-file': () => '这不是 safetensors 格式的权重文件。',
		'unsupported-dtype': () =>
			'这个 safetensors 文件用本页无法读取的数值类型存储权重（本页只读取 32 位和 16 位浮点数：F32、F16、BF16）。请先把检查点转换为 F32。',
		'no-tensors': () => '这个 safetensors 文件里一个张量也没有：其中没有任何权重。',
		'exceeds-file': () =>
			'文件头声明的字节数超过了文件的实际大小：文件已损坏或被截断，因此没有读取其中任何内容。',
		'non-finite': () =>
			'这个文件里有些权重不是数值（NaN 或无穷大），网络会因此给出毫无意义的结果。文件可能已损坏，或来自一次发散的训练。',
		stalled: () =>
			`下载停住了：${stallSeconds} 秒内没有收到任何数据。服务器或网络连接可能卡住了；请重试，或选择本地文件。`,
		'hash-mismatch': () =>
			'下载到的文件与服务器公布的不一致（SHA-256 校验值不符），因此没有使用它。请重新下载。',
		'build-failed': (f) => `无法在当前后端上构建网络（${f.detail}）。请换一个后端试试。`
	}
};

/** The message for `failure` while loading `model` (its display name). */
export function weightErrorMessage(failure: WeightFailure, model: string, lang: Language): string {
	return MESSAGES[lang][failure.code](failure, model);
}
