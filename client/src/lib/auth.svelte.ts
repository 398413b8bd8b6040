import type { AccountLoginInput, MeResponse, OwnProfile } from '$contract';
import { api, whenUnauthenticated, type ApiResult } from './api';
import { router } from './router.svelte';

/** Who is signed in, as the server last told us through GET /api/auth/me. */
class Auth {
  current = $state<MeResponse | null>(null);
  loading = $state(true);
  user = $derived(this.current?.user ?? null);
  profile = $derived(this.current?.profile ?? null);

  async refresh(): Promise<ApiResult<MeResponse>> {
    const result = await api.me();
    // 401 means signed out; a network failure also leaves us signed out, and the next form shows why.
    this.current = result.ok ? result.data : null;
    this.loading = false;
    return result;
  }

  async login(input: AccountLoginInput): Promise<ApiResult<MeResponse>> {
    const result = await api.login(input);
    if (!result.ok) return result;
    return this.refresh();
  }

  /**
   * Ends the session on the server (locally even if that fails). `beforeClear` runs in the same
   * tick as the clearing, so a navigation there and the signed-out state land together.
   */
  async logout(beforeClear?: () => void): Promise<void> {
    await api.logout();
    beforeClear?.();
    this.clear();
  }

  /** Forget the user locally (after logout, account erasure or an expired session). */
  clear(): void {
    this.current = null;
  }

  /**
   * The server no longer knows this session (expired, revoked, signed out elsewhere): forget the
   * user and send them to log in, back to where they were afterwards. Navigating first, in the
   * same tick as the clearing, lets the guard see a plain signed-out `/login`.
   */
  expired(): void {
    if (!this.current) return;
    const here = window.location.pathname + window.location.search;
    router.navigate(here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`, { replace: true });
    this.clear();
  }

  setProfile(profile: OwnProfile): void {
    if (this.current) this.current = { ...this.current, profile };
  }
}

export const auth = new Auth();

// Any request answered with 401 lands here, once, instead of at every call site.
whenUnauthenticated(() => auth.expired());
