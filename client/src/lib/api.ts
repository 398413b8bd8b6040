import { ERROR_CODES } from '$contract';
import type {
  AccountEraseInput,
  AccountLoginInput,
  AccountRegisterInput,
  ErrorBody,
  HealthResponse,
  LoginResponse,
  MeResponse,
  OwnProfile,
  PasswordResetConfirmInput,
  PasswordResetRequestInput,
  ProfileUpdateInput,
  PublicProfile,
  User,
} from '$contract';

export type ApiError = ErrorBody['error'];

/** Contract errors come back as data, so every caller has to look at `ok` before using `data`. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: ApiError };

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    KNOWN_CODES.has((error as { code: string }).code) &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** A proxy or gateway that answers without our error shape (e.g. 502 while the API restarts). */
function fallbackError(status: number): ApiError {
  if (status === 502 || status === 503 || status === 504) {
    return { code: 'unavailable', message: 'The service is unavailable, try again shortly' };
  }
  if (status === 401) return { code: 'unauthenticated', message: 'Please log in' };
  if (status === 404) return { code: 'not_found', message: 'Not found' };
  if (status === 413) return { code: 'payload_too_large', message: 'That is too large to send' };
  if (status === 429) return { code: 'rate_limited', message: 'Too many attempts, try again later' };
  return { code: 'internal', message: 'Something went wrong' };
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return {
      ok: false,
      status: 0,
      error: { code: 'unavailable', message: 'Cannot reach the server. Check your connection and try again' },
    };
  }

  const text = await response.text().catch(() => '');
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }

  if (response.ok) return { ok: true, data: json as T };
  return {
    ok: false,
    status: response.status,
    error: isErrorBody(json) ? json.error : fallbackError(response.status),
  };
}

export const api = {
  health: () => request<HealthResponse>('GET', '/api/health'),

  register: (input: AccountRegisterInput) => request<{ user: User }>('POST', '/api/auth/register', input),
  login: (input: AccountLoginInput) => request<LoginResponse>('POST', '/api/auth/login', input),
  logout: () => request<void>('POST', '/api/auth/logout'),
  me: () => request<MeResponse>('GET', '/api/auth/me'),
  eraseAccount: (input: AccountEraseInput) => request<void>('DELETE', '/api/auth/me', input),

  requestPasswordReset: (input: PasswordResetRequestInput) =>
    request<void>('POST', '/api/auth/password-reset', input),
  confirmPasswordReset: (input: PasswordResetConfirmInput) =>
    request<void>('POST', '/api/auth/password-reset/confirm', input),

  getProfile: (userId: string) => request<PublicProfile>('GET', `/api/profiles/${encodeURIComponent(userId)}`),
  updateMyProfile: (input: ProfileUpdateInput) => request<OwnProfile>('PATCH', '/api/profiles/me', input),
};
