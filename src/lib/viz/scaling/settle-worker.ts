/**
 * Web Worker for the work done once the sliders settle (about a hundred networks for the exact MACs
 * curve, a few dozen for the single-dimension bisections), so the page stays responsive meanwhile.
 */
import { handleSettleRequest, type SettleRequest } from './settle';

self.onmessage = (event: MessageEvent<SettleRequest>) => {
	self.postMessage(handleSettleRequest(event.data));
};
