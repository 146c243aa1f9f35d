import { describe, expect, it, vi, afterEach } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { LoginPage } from './LoginPage';

afterEach(() => vi.unstubAllGlobals());

function renderLogin() {
  const router = createMemoryRouter([
    { path: '/login', element: <LoginPage /> },
    { path: '/projects', element: <p>projects page</p> },
  ], { initialEntries: ['/login'] });
  render(<QueryClientProvider client={new QueryClient()}><RouterProvider router={router} /></QueryClientProvider>);
}

const ok = (data: unknown) => new Response(JSON.stringify({ meta: { result_code: 200, result_subcode: 0, result_msg: 'OK' }, data }));

describe('LoginPage', () => {
  it('says so when the password is wrong', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify(
      { meta: { result_code: 401, result_subcode: 22, result_msg: 'Invalid credentials' } }), { status: 401 })));
    renderLogin();

    await userEvent.type(screen.getByLabelText('Username'), 'ann');
    await userEvent.type(screen.getByLabelText('Password'), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
  });

  it('goes to the projects after a successful login', async () => {
    vi.stubGlobal('fetch', vi.fn()
      .mockResolvedValueOnce(ok({ token: 't' }))
      .mockResolvedValueOnce(ok({ authenticated: true, basic: { enabled: true } }))
      .mockResolvedValueOnce(ok({ user: { id: 'u', name: 'Ann' } })));
    renderLogin();

    await userEvent.type(screen.getByLabelText('Username'), 'ann');
    await userEvent.type(screen.getByLabelText('Password'), 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('projects page')).toBeInTheDocument();
  });
});
