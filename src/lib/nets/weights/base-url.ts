/**
 * The build-time hub base URL (SvelteKit `$env/static/public`), kept apart from `sources.ts` so that
 * the loading logic takes the URL as a parameter and runs in Node tests and scripts.
 *
 * Set `PUBLIC_WEIGHTS_BASE_URL` when building to point the site at a mirror laid out like the hub
 * (`<base>/<repo>/resolve/main/model.safetensors`); unset, the site uses https://huggingface.co.
 */
import * as publicEnv from '$env/static/public';

export const DEFAULT_WEIGHTS_BASE_URL = 'https://huggingface.co';

// Read through a record: the variable may be absent, and a direct named import would then fail the build.
const variables: Record<string, string | undefined> = publicEnv;

/** The hub (or mirror) base URL this build uses. */
export function weightsBaseUrl(): string {
	return variables.PUBLIC_WEIGHTS_BASE_URL?.trim() || DEFAULT_WEIGHTS_BASE_URL;
}
