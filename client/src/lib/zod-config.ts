// `zod` as the client build sees it: client/vite.config.ts points the bare specifier here, so the
// contract's schemas, wherever they are loaded, import a zod that is configured first.
//
// The CSP forbids eval. Without `jitless`, zod probes `new Function` when the first object schema
// is built, and Chrome logs a CSP violation for it. This module is not imported by main.ts: zod
// loads with the first page whose contract schemas need it, not with the app.
import { config } from 'zod/v4';

config({ jitless: true });

export * from 'zod/v4';
export { z, z as default } from 'zod/v4';
