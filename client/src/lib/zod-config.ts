import { z } from 'zod';

// The CSP forbids eval. Without this, zod probes `new Function` while the contract's schemas are
// built, and Chrome logs a CSP violation for it. Imported first by main.ts for that reason.
z.config({ jitless: true });
