import { NavLink, Outlet } from 'react-router';
import { navItems } from './navigation';
import { useCurrentUser, useLogout } from '../features/auth/session';

function serverName(): string {
  const meta = document.querySelector('meta[name="xstore-server"]')?.getAttribute('content') ?? '';
  return meta.startsWith('{{') ? '' : meta;
}

export function AppLayout() {
  const user = useCurrentUser();
  const logout = useLogout();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <nav className="sidebar" aria-label="Main">
        <div className="brand" title={serverName()}>xstore</div>
        <ul>
          {navItems.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.to.includes('*')}>
                <span aria-hidden="true" className="nav-icon">{item.icon}</span>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
        <div className="sidebar-footer">
          <span className="user-name" data-testid="current-user">{user.name}</span>
          <button type="button" className="link" onClick={logout}>Sign out</button>
        </div>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
