// The one module that talks to the server. Every call is an RPC of the ClearML API through the web app's own
// origin (`/api/<version>/<service>.<action>`); the session is the HttpOnly cookie set by `auth.login`.

export const API_VERSION = 'v2.31';

export interface ApiMeta {
  id?: string;
  endpoint?: { name?: string };
  result_code: number;
  result_subcode: number;
  result_msg: string;
}

/** An answer of the API that is not a success, or no answer at all (`code` 0). */
export class ApiError extends Error {
  constructor(
    readonly endpoint: string,
    readonly code: number,
    readonly subcode: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The server did not answer (network down, proxy error): the "server unreachable" page, not a form error. */
  get unreachable(): boolean {
    return this.code === 0 || this.code === 502 || this.code === 503 || this.code === 504;
  }

  get unauthorized(): boolean {
    return this.code === 401;
  }
}

type Listener = (error: ApiError) => void;
const unauthorizedListeners = new Set<Listener>();

/** Called on every 401 of a call, so the app can drop the session and show the login page. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export interface CallOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export async function call<T>(endpoint: string, body: object = {}, options: CallOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/${API_VERSION}/${endpoint}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', ...options.headers },
      body: JSON.stringify(body),
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(endpoint, 0, 0, 'The server cannot be reached');
  }
  let envelope: { meta?: ApiMeta; data?: T } | undefined;
  try {
    envelope = await response.json();
  } catch {
    envelope = undefined;
  }
  const meta = envelope?.meta;
  if (!response.ok || !meta || meta.result_code !== 200) {
    const code = meta?.result_code ?? response.status;
    const error = new ApiError(endpoint, code, meta?.result_subcode ?? 0,
      meta?.result_msg || `${endpoint} failed (HTTP ${response.status})`);
    if (error.unauthorized && endpoint !== 'auth.login') {
      unauthorizedListeners.forEach((listener) => listener(error));
    }
    throw error;
  }
  return envelope!.data as T;
}

export interface SupportedModes {
  authenticated: boolean;
  basic: { enabled: boolean };
}

export const auth = {
  supportedModes: () => call<SupportedModes>('login.supported_modes'),
  /** Username/password of a configured user; the answer sets the session cookie. */
  login: (username: string, password: string) =>
    call<{ token: string }>('auth.login', {}, {
      headers: { Authorization: `Basic ${base64(`${username}:${password}`)}` },
    }),
  logout: () => call<object>('login.logout'),
};

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return btoa(binary);
}

/** A URL on the file server, through the web app's `/files` proxy. */
export function fileUrl(uri: string | undefined | null): string | undefined {
  if (!uri) return undefined;
  try {
    const parsed = new URL(uri, window.location.origin);
    if (parsed.origin === window.location.origin) return parsed.pathname + parsed.search;
    // Files uploaded by the SDK point at the file server's own address; the proxy serves the same paths.
    return `/files${parsed.pathname}${parsed.search}`;
  } catch {
    return undefined;
  }
}
