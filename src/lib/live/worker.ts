/**
 * The live runtime's module Web Worker: the host answers every message. The host does not import tfjs
 * (it loads it on 'start'), so this worker starts fast, says hello (the page then knows module workers
 * work here) and starts downloading weights while tfjs loads.
 */
/// <reference lib="webworker" />
import { LiveHost } from './host';
import type { FromHost, ToHost } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const send = (message: FromHost, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
const host = new LiveHost(send, 'worker');
scope.onmessage = (event: MessageEvent<ToHost>) => host.receive(event.data);
send({ hello: 'worker' });
// tfjs is needed next (the page's first message starts it): its download need not wait for that message.
void import('$lib/nets/tf');
