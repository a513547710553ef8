// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Request } from '$lib/live/protocol';
import { fakeSession } from '$lib/live/testing';
import Classifier from './Classifier.svelte';
import { stubResizeObserver } from '$lib/viz/chart/resize-observer-stub';

stubResizeObserver();

// The page-side look at the reader's image (canvas decoding, which jsdom lacks); the rule itself is
// tested in fmnist-fit.test.ts.
const look = vi.hoisted(() => vi.fn(async (_image: Blob): Promise<string[] | null> => []));
vi.mock('$lib/live/images/look', () => ({ fmnistMisfitsOf: look }));

const FMNIST_NAMES = [
	'T-shirt/top',
	'Trouser',
	'Pullover',
	'Dress',
	'Coat',
	'Sandal',
	'Shirt',
	'Sneaker',
	'Bag',
	'Ankle boot'
];
const FMNIST_ZH = ['T恤', '裤子', '套衫', '连衣裙', '外套', '凉鞋', '衬衫', '运动鞋', '包', '短靴'];

function respond(url: string): Response {
	const json = (body: unknown) =>
		new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
	if (url === '/samples/fmnist/samples.json')
		return json({
			samples: [
				{ id: 'a', file: 'a.png', label: 3 },
				{ id: 'b', file: 'b.png', label: 7 }
			]
		});
	if (url === '/labels/fashion-mnist.en.json') return json({ labels: FMNIST_NAMES });
	if (url === '/labels/fashion-mnist.zh.json') return json({ labels: FMNIST_ZH });
	if (url.endsWith('.png')) return new Response(url, { headers: { 'content-type': 'image/png' } });
	return new Response('not found', { status: 404 });
}

beforeEach(() => {
	localStorage.clear();
	vi.stubGlobal(
		'fetch',
		vi.fn(async (url: string) => respond(url))
	);
	URL.createObjectURL = vi.fn(() => 'blob:fake');
	URL.revokeObjectURL = vi.fn();
	// jsdom has no canvas; the input preview then draws nothing.
	HTMLCanvasElement.prototype.getContext = (() => null) as never;
});
afterEach(() => vi.unstubAllGlobals());

async function started() {
	const fake = fakeSession();
	await fake.session.start();
	return fake;
}

type ClassifyRequest = Extract<Request, { type: 'classify' }>;

/**
 * The images classified so far: each is one quick run (the classes show at once) and then the timed
 * runs of the latency, so the quick requests count the images.
 */
function classified(handlers: ReturnType<typeof fakeSession>['handlers']): ClassifyRequest[] {
	const calls = handlers.classify.mock.calls.map(([request]) => request);
	return calls.filter((r) => r.timing.warmup === 0 && r.timing.runs === 1);
}

const card = (name: string) => screen.getByRole('article', { name });

describe('Classifier', () => {
	it('classifies the first Fashion-MNIST sample with both networks and shows top-5, latency, backend and MACs', async () => {
		const { session, handlers } = await started();
		render(Classifier, { lang: 'en', session, timedRuns: 3 });
		await vi.waitFor(() => expect(handlers.classify).toHaveBeenCalledTimes(2));
		const [quick, timed] = handlers.classify.mock.calls.map(([r]) => r);
		expect(quick.modelIds).toEqual(['fmnist-efficientnet', 'fmnist-ghostnet']);
		expect(await (quick.image.source as Blob).text()).toBe('/samples/fmnist/a.png');
		expect(quick.timing).toEqual({ warmup: 0, runs: 1 });
		expect(timed.image).toEqual(quick.image);
		expect(timed.timing).toEqual({ warmup: 1, runs: 3 });
		// The fake engine answers class 1 (Trouser) for the first network and 2 (Pullover) for the second.
		const efficient = card('EfficientNet-B0 (width 0.5)');
		await vi.waitFor(() =>
			expect(within(efficient).getAllByRole('rowheader')[0]).toHaveTextContent('Trouser')
		);
		// Five rows, always (no jump); the empty ones are hidden from assistive tech.
		expect(efficient.querySelectorAll('tbody tr')).toHaveLength(5);
		expect(within(efficient).getByText('90.0%')).toBeInTheDocument();
		expect(within(efficient).getByText('3.0 ms')).toBeInTheDocument();
		expect(within(efficient).getByText('CPU')).toBeInTheDocument();
		expect(within(card('GhostNet 0.5×')).getAllByRole('rowheader')[0]).toHaveTextContent('Pullover');
		expect(screen.getByText(/needs .* fewer MACs than/)).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Fashion-MNIST test image: Dress' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
	});

	it('announces each classification once, politely: both networks’ top-1 class and confidence', async () => {
		const { session, handlers } = await started();
		render(Classifier, { lang: 'en', session, timedRuns: 5 });
		const region = screen.getByTestId('announcement');
		expect(region).toHaveAttribute('aria-live', 'polite');
		await vi.waitFor(() =>
			expect(region).toHaveTextContent(
				/^EfficientNet-B0 \(width 0\.5\): Trouser, 90\.0%\. GhostNet 0\.5×: Pullover, [\d.]+%\.$/
			)
		);
		// The status line says which models are in use, not each run.
		const status = screen.getByRole('status', { name: '' });
		await vi.waitFor(() => expect(handlers.classify).toHaveBeenCalledTimes(2));
		expect(status).toHaveTextContent(/^In use: our models trained on Fashion-MNIST/);
		await fireEvent.click(screen.getByRole('button', { name: /Sneaker/ }));
		await vi.waitFor(() => expect(classified(handlers)).toHaveLength(2));
		expect(status).not.toHaveTextContent(/Running/);
		expect(look).not.toHaveBeenCalled(); // Samples are what their models know.
	});

	it('says next to the answer when the reader’s image does not look like Fashion-MNIST, and offers ImageNet', async () => {
		const { session, handlers } = await started();
		const load = vi.spyOn(session, 'loadImagenet').mockResolvedValue(undefined);
		render(Classifier, { lang: 'en', session });
		await vi.waitFor(() => expect(handlers.classify).toHaveBeenCalledTimes(2));
		expect(screen.queryByTestId('fit-note')).toBeNull();
		look.mockResolvedValueOnce(['colour', 'background']);
		const photo = new File(['p'], 'cat.jpg', { type: 'image/jpeg' });
		await fireEvent.change(screen.getByLabelText('Choose an image'), { target: { files: [photo] } });
		const note = await screen.findByTestId('fit-note');
		expect(look).toHaveBeenCalledWith(photo);
		expect(note).toHaveTextContent(
			/This image does not look like Fashion-MNIST: it is in colour.*; it has no black background/
		);
		await vi.waitFor(() =>
			expect(screen.getByTestId('announcement')).toHaveTextContent(/so these answers mean little\.$/)
		);
		await fireEvent.click(within(note).getByRole('button', { name: /Load the ImageNet networks/ }));
		expect(load).toHaveBeenCalledWith('hub');
		// A Fashion-MNIST-like image of the reader's own: no note.
		look.mockResolvedValueOnce([]);
		await fireEvent.change(screen.getByLabelText('Choose an image'), {
			target: { files: [new File(['q'], 'shoe.png', { type: 'image/png' })] }
		});
		await vi.waitFor(() => expect(screen.queryByTestId('fit-note')).toBeNull());
	});

	it('keeps developer details (tensor counts) in a collapsed disclosure', async () => {
		const { session, handlers } = await started();
		render(Classifier, { lang: 'zh', session });
		await vi.waitFor(() => expect(handlers.classify).toHaveBeenCalledTimes(2));
		const details = screen.getByTestId('runtime-details');
		expect(details).not.toHaveAttribute('open');
		expect(within(details).getByText('开发者细节')).toBeInTheDocument();
		expect(within(details).getByText(/TensorFlow.js 内存中的张量/)).toBeInTheDocument();
		expect(screen.getByText('权重：来源、下载与缓存').closest('details')).not.toHaveAttribute('open');
	});

	it('refuses a file that is not an image with its message, and keeps the last result', async () => {
		const { session, handlers } = await started();
		render(Classifier, { lang: 'en', session });
		await vi.waitFor(() => expect(handlers.classify).toHaveBeenCalledTimes(2));
		const input = screen.getByLabelText('Choose an image');
		await fireEvent.change(input, { target: { files: [new File(['x'], 'model.safetensors')] } });
		expect(await screen.findByText(/This file is not an image/)).toBeInTheDocument();
		expect(classified(handlers)).toHaveLength(1);
		expect(within(card('GhostNet 0.5×')).getAllByRole('rowheader')[0]).toHaveTextContent('Pullover');
	});

	it('says when an image cannot be decoded, then recovers on the next image', async () => {
		const { session, handlers } = await started();
		render(Classifier, { lang: 'en', session });
		await vi.waitFor(() => expect(handlers.classify).toHaveBeenCalledTimes(2));
		// As it arrives from the runtime's worker: an error of that name and code.
		const broken = Object.assign(new Error('bad'), { name: 'ImageReadError', code: 'decode-failed' });
		handlers.classify.mockRejectedValueOnce(broken);
		await fireEvent.change(screen.getByLabelText('Choose an image'), {
			target: { files: [new File(['garbage'], 'broken.jpg', { type: 'image/jpeg' })] }
		});
		expect(await screen.findByText(/could not read this image/)).toBeInTheDocument();
		await fireEvent.click(screen.getByRole('button', { name: /Sneaker/ }));
		await vi.waitFor(() => expect(screen.queryByText(/could not read this image/)).toBeNull());
		expect(screen.getByRole('button', { name: /Sneaker/ })).toHaveAttribute('aria-pressed', 'true');
	});

	it('classifies a pasted image and reruns after a backend switch; says why each backend runs', async () => {
		const { session, handlers } = await started();
		render(Classifier, { lang: 'en', session });
		await vi.waitFor(() => expect(handlers.classify).toHaveBeenCalledTimes(2));
		expect(screen.getByRole('radio', { name: 'Automatic (measured)' })).toBeChecked();
		expect(screen.getByTestId('backend-why')).toHaveTextContent(/WebAssembly starts fastest/);
		const photo = new File(['p'], 'pasted.png', { type: 'image/png' });
		const paste = new Event('paste', { bubbles: true }) as ClipboardEvent;
		Object.defineProperty(paste, 'clipboardData', { value: { files: [photo] } });
		window.dispatchEvent(paste);
		await vi.waitFor(() => expect(classified(handlers)).toHaveLength(2));
		expect(classified(handlers)[1].image.source).toBe(photo);
		await fireEvent.click(screen.getByRole('radio', { name: 'CPU' }));
		await vi.waitFor(() => expect(classified(handlers)).toHaveLength(3));
		expect(handlers['set-backend']).toHaveBeenCalledWith({ type: 'set-backend', choice: 'cpu' }, {});
		expect(classified(handlers)[2].image.source).toBe(photo);
		expect(localStorage.getItem('egn.backend.v1')).toBe('cpu');
		expect(screen.getByTestId('backend-why')).toHaveTextContent(/Your choice, remembered/);
	});

	it('explains a camera that cannot be used, in Chinese, with Chinese labels', async () => {
		const { session, handlers } = await started();
		render(Classifier, { lang: 'zh', session });
		await vi.waitFor(() => expect(handlers.classify).toHaveBeenCalledTimes(2));
		await vi.waitFor(() =>
			expect(within(card('GhostNet 0.5×')).getAllByRole('rowheader')[0]).toHaveTextContent('套衫')
		);
		// The model names are localized too: no English "width" in the Chinese classifier.
		expect(card('EfficientNet-B0（宽度 0.5）')).toBeInTheDocument();
		expect(document.body.textContent).not.toContain('(width 0.5)');
		await fireEvent.click(screen.getByRole('button', { name: '使用摄像头' }));
		expect(await screen.findByText(/无法使用摄像头/)).toBeInTheDocument();
	});

	it('asks for the camera and reports a refusal', async () => {
		const getUserMedia = vi.fn(async () => {
			throw new DOMException('denied', 'NotAllowedError');
		});
		vi.stubGlobal('navigator', { ...navigator, mediaDevices: { getUserMedia } });
		const { session } = await started();
		render(Classifier, { lang: 'en', session });
		await fireEvent.click(screen.getByRole('button', { name: 'Use the camera' }));
		expect(await screen.findByText(/Camera access was refused/)).toBeInTheDocument();
		expect(getUserMedia).toHaveBeenCalledWith({ video: { facingMode: 'environment' }, audio: false });
	});

	function fakeIntersection() {
		const observer = { reveal: (_visible: boolean) => {} };
		vi.stubGlobal(
			'IntersectionObserver',
			class {
				constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
					observer.reveal = (visible) => callback([{ isIntersecting: visible }]);
				}
				observe() {}
				disconnect() {}
			}
		);
		return observer;
	}

	it('embedded in an article, starts the runtime only when the classifier comes near the viewport', async () => {
		const observer = fakeIntersection();
		const { session, handlers } = fakeSession();
		render(Classifier, { lang: 'en', session, embedded: true });
		const title = 'Image classifier: EfficientNet and GhostNet side by side';
		expect(screen.getByRole('heading', { name: title })).toBeInTheDocument();
		expect(screen.getByRole('status', { name: '' })).toHaveTextContent(
			'TensorFlow.js loads when you scroll here.'
		);
		observer.reveal(false);
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(handlers.start).not.toHaveBeenCalled();
		observer.reveal(true);
		await vi.waitFor(() => expect(handlers.start).toHaveBeenCalledTimes(1));
		expect(handlers.start.mock.calls[0][0].settings.choice).toBeNull();
		await vi.waitFor(() => expect(classified(handlers)).toHaveLength(1));
	});

	it('embedded, waits to classify until reached even when another live part started the session', async () => {
		const observer = fakeIntersection();
		const { session, handlers } = fakeSession();
		render(Classifier, { lang: 'en', session, embedded: true });
		await session.start();
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(handlers.classify).not.toHaveBeenCalled();
		observer.reveal(true);
		await vi.waitFor(() => expect(classified(handlers)).toHaveLength(1));
	});

	it('says what it is waiting for while the weights download, never a failure', async () => {
		let release = () => {};
		const { session } = fakeSession({
			loader: (_request, options) => {
				options.onProgress?.({ phase: 'download', loaded: 1_200_000, total: 4_800_000, percent: 25 });
				return new Promise<void>((resolve) => (release = resolve));
			}
		});
		render(Classifier, { lang: 'en', session });
		void session.start();
		const status = screen.getByRole('status', { name: '' });
		await vi.waitFor(() =>
			expect(status).toHaveTextContent('Downloading the network weights: 2.4 MB of 9.6 MB (25 %)…')
		);
		expect(screen.queryByText(/did not load/)).toBeNull();
		release();
	});
});
