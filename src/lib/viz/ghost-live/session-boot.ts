/**
 * When a live part starts the page's runtime: not at page load, but in two steps as the reader comes
 * to it. Within a screen of the part, the runtime itself starts (worker, tfjs, backend; no weights);
 * once the part enters the viewport (or the reader uses it), the weights load and the figure runs. So
 * weights are downloaded only by readers who reach a live part, and by then the runtime is waiting.
 */
import { networks, type NetworkSession } from '$lib/live/session.svelte';

/** The session to use: the one given (tests), else the tab's shared one. */
export function sessionFor(given: NetworkSession | undefined): NetworkSession {
	return given ?? networks();
}
