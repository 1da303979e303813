import * as z from 'zod';

// Extension pages forbid eval: zod 4 must not compile its fast paths with `new Function`.
// Every module of lib/api imports z from here so this runs before any schema is built.
z.config({ jitless: true });

export { z };
