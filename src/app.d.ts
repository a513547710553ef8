/// <reference types="@testing-library/jest-dom/vitest" />

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	/** The site's public origin (vite.config.ts, from SITE_ORIGIN). */
	const __SITE_ORIGIN__: string;

	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
