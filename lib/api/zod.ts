import { config } from 'zod/mini';

// zod/mini, not classic zod: classic does not tree-shake and costs ~26 KB gzip in any bundle,
// more than the content script's 24 KB budget. Extension pages forbid eval: zod must not compile
// its fast paths with `new Function`. Every module imports zod from here so this runs first.
config({ jitless: true });

// An optional field is `z.exactOptional`: on the wire it is absent or holds a value (JSON has no
// undefined), which is what the inferred types say under `exactOptionalPropertyTypes`.
//
// Both `import { z } from './zod.ts'` and `import * as z from './zod.ts'` work; the namespace
// form also tree-shakes under esbuild (Vite handles either).
export * from 'zod/mini';
