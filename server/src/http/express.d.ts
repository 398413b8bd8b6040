import type { AuthContext } from '../auth/context.js';

declare global {
  namespace Express {
    interface Request {
      /** Set by `authenticate` when the request carries a live session token. */
      auth?: AuthContext;
    }
  }
}
export {};
