/** What a live part is waiting for, in the reader's language (pure; see `$lib/live/loading`). */
import type { Language } from '$lib/content/languages';
import type { Waiting } from '$lib/live/loading';
import { formatBytes } from '$lib/viz/runtime/format';

const text = {
	zh: {
		runtime: '正在启动网络运行时（TensorFlow.js，WebAssembly）……',
		download: '正在下载网络权重',
		cache: '正在从浏览器缓存读取网络权重',
		file: '正在读取权重文件',
		build: '正在构建网络……'
	},
	en: {
		runtime: 'Starting the network runtime (TensorFlow.js, WebAssembly)…',
		download: 'Downloading the network weights',
		cache: 'Reading the network weights from the browser cache',
		file: 'Reading the weights file',
		build: 'Building the networks…'
	}
};

/** E.g. "Downloading the network weights: 1.2 MB of 4.5 MB (27 %)…"; '' when nothing is pending. */
export function waitingText(waiting: Waiting, lang: Language): string {
	const t = text[lang];
	switch (waiting.kind) {
		case 'nothing':
			return '';
		case 'runtime':
			return t.runtime;
		case 'build':
			return t.build;
		case 'bytes': {
			const of = waiting.total
				? lang === 'zh'
					? ` / ${formatBytes(waiting.total)}`
					: ` of ${formatBytes(waiting.total)}`
				: '';
			const percent = waiting.percent === null ? '' : ` (${Math.floor(waiting.percent)} %)`;
			const sep = lang === 'zh' ? '：' : ': ';
			return `${t[waiting.phase]}${sep}${formatBytes(waiting.loaded)}${of}${percent}…`;
		}
	}
}
