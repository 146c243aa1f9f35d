import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, auth, call, fileUrl, onUnauthorized } from './client';

function answer(status: number, body: unknown) {
  return vi.fn().mockResolvedValue(new Response(JSON.stringify(body), { status }));
}

afterEach(() => vi.unstubAllGlobals());

describe('call', () => {
  it('posts the body to the versioned endpoint on the same origin and returns data', async () => {
    const fetchMock = answer(200, { meta: { result_code: 200, result_subcode: 0, result_msg: 'OK' }, data: { x: 1 } });
    vi.stubGlobal('fetch', fetchMock);

    await expect(call('tasks.get_all_ex', { id: ['a'] })).resolves.toEqual({ x: 1 });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v2.31/tasks.get_all_ex');
    expect(JSON.parse(init.body)).toEqual({ id: ['a'] });
  });

  it('turns an error envelope into an ApiError with code, subcode and message', async () => {
    vi.stubGlobal('fetch', answer(400, { meta: { result_code: 400, result_subcode: 101, result_msg: 'Invalid task id' } }));

    const error = (await call('tasks.get_by_id', { task: 'x' }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect([error.code, error.subcode, error.message]).toEqual([400, 101, 'Invalid task id']);
    expect(error.unreachable).toBe(false);
  });

  it('reports a network failure as unreachable', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));

    const error = (await call('projects.get_all_ex').catch((e: unknown) => e)) as ApiError;
    expect(error.unreachable).toBe(true);
  });

  it('tells the listeners about a 401 so the app can show the login page', async () => {
    vi.stubGlobal('fetch', answer(401, { meta: { result_code: 401, result_subcode: 20, result_msg: 'Unauthorized' } }));
    const listener = vi.fn();
    const stop = onUnauthorized(listener);

    await call('users.get_current_user').catch(() => undefined);
    stop();
    expect(listener).toHaveBeenCalledOnce();
  });

  it('logs in with HTTP basic credentials of the user', async () => {
    const fetchMock = answer(200, { meta: { result_code: 200, result_subcode: 0, result_msg: 'OK' }, data: { token: 't' } });
    vi.stubGlobal('fetch', fetchMock);

    await auth.login('ann', 'pässword');
    expect(fetchMock.mock.calls[0][1].headers.Authorization).toBe(`Basic ${Buffer.from('ann:pässword').toString('base64')}`);
  });
});

describe('fileUrl', () => {
  it('maps file server addresses onto the /files proxy of this origin', () => {
    expect(fileUrl('http://files.example:8081/proj/task/artifacts/a.csv')).toBe('/files/proj/task/artifacts/a.csv');
    expect(fileUrl('/files/x.png')).toBe('/files/x.png');
    expect(fileUrl(undefined)).toBeUndefined();
  });
});
