import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { RequireSession } from './RequireSession';

afterEach(() => vi.unstubAllGlobals());

const ok = (data: unknown) => new Response(JSON.stringify({ meta: { result_code: 200, result_subcode: 0, result_msg: 'OK' }, data }));

function renderGuarded() {
  const router = createMemoryRouter([
    { path: '/login', element: <p>login page</p> },
    { element: <RequireSession />, children: [{ path: '/projects', element: <p>projects page</p> }] },
  ], { initialEntries: ['/projects'] });
  render(<QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
    <RouterProvider router={router} /></QueryClientProvider>);
}

describe('RequireSession', () => {
  it('shows a clear page with a retry when the server does not answer', async () => {
    const fetchMock = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(ok({ authenticated: true, basic: { enabled: true } }))
      .mockResolvedValueOnce(ok({ user: { id: 'u', name: 'Ann' } }));
    vi.stubGlobal('fetch', fetchMock);
    renderGuarded();

    expect(await screen.findByRole('heading', { name: 'Server unreachable' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('projects page')).toBeInTheDocument();
  });

  it('sends a visitor without a session to the login page', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(ok({ authenticated: false, basic: { enabled: true } })));
    renderGuarded();

    expect(await screen.findByText('login page')).toBeInTheDocument();
  });
});
