export interface Caller {
  token?: string;
  /** The `sid=…` cookie header; requests with it also send our Origin, as a browser would. */
  cookie?: string;
  origin?: string | null;
  headers?: Record<string, string>;
}

export interface HttpResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export type HttpClient = ReturnType<typeof httpClient>;

/** Real HTTP against a running test server; JSON in, JSON (or text) out. */
export function httpClient(baseUrl: string) {
  async function request<T = any>(method: string, path: string, body?: unknown, as: Caller = {}): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { ...as.headers };
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    if (as.token) headers.authorization = `Bearer ${as.token}`;
    if (as.cookie) headers.cookie = as.cookie;
    const origin = as.origin === undefined ? (as.cookie ? baseUrl : undefined) : as.origin;
    if (origin) headers.origin = origin;
    const res = await fetch(baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    if (res.headers.get('content-type')?.includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  }
  return {
    baseUrl,
    request,
    get: <T = any>(path: string, as?: Caller) => request<T>('GET', path, undefined, as),
    post: <T = any>(path: string, body?: unknown, as?: Caller) => request<T>('POST', path, body, as),
    patch: <T = any>(path: string, body?: unknown, as?: Caller) => request<T>('PATCH', path, body, as),
    put: <T = any>(path: string, body?: unknown, as?: Caller) => request<T>('PUT', path, body, as),
    delete: <T = any>(path: string, body?: unknown, as?: Caller) => request<T>('DELETE', path, body, as),
  };
}
