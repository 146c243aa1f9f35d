import { call } from '../../api/client';

export interface Credential {
  access_key: string;
  label?: string;
  last_used?: string;
  last_used_from?: string;
}

export interface NewCredentials {
  access_key: string;
  secret_key: string;
  label?: string;
}

export const credentials = {
  list: () => call<{ credentials: Credential[] }>('auth.get_credentials').then((d) => d.credentials ?? []),
  /** The answer nests the new pair under `credentials` (ClearML's shape). */
  create: (label: string) => call<{ credentials?: NewCredentials } & Partial<NewCredentials>>(
    'auth.create_credentials', label ? { label } : {}).then((d) => d.credentials ?? (d as NewCredentials)),
  revoke: (accessKey: string) => call('auth.revoke_credentials', { access_key: accessKey }),
};

export interface UserRow {
  id: string;
  name: string;
  email?: string;
  role?: string;
  created?: string;
}

export async function fetchUsers(): Promise<UserRow[]> {
  const data = await call<{ users: UserRow[] }>('users.get_all_ex', { order_by: ['name'] });
  return data.users ?? [];
}

export interface ServerInfo {
  version?: string;
  build?: string;
  commit?: string;
  api_version?: string;
}

/** The server's version (`server.info`) and how long a round trip to the API takes (`debug.ping`). */
export async function fetchServerHealth(): Promise<{ info: ServerInfo; pingMs: number }> {
  const info = await call<ServerInfo>('server.info');
  const start = performance.now();
  await call('debug.ping');
  return { info, pingMs: Math.round(performance.now() - start) };
}

/**
 * The `clearml.conf` section for a new key pair. The API and file server addresses assume xstore's default ports
 * on the host the browser reached (API 8008, files 8081).
 */
export function clearmlConf(origin: string, accessKey: string, secretKey: string): string {
  const url = new URL(origin);
  const host = `${url.protocol}//${url.hostname}`;
  return `api {
    web_server: ${origin}
    api_server: ${host}:8008
    files_server: ${host}:8081
    credentials {
        "access_key" = "${accessKey}"
        "secret_key" = "${secretKey}"
    }
}
`;
}
