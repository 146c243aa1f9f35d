import type { NavItem } from './navigation';

/** Left-navigation entries of part 2's pages; spread into `navItems`. */
export const part2NavItems: NavItem[] = [
  { to: '/dashboard', label: 'Dashboard', icon: '◔' },
  { to: '/reports', label: 'Reports', icon: '✎' },
  { to: '/queues', label: 'Queues', icon: '⇶' },
  { to: '/workers', label: 'Workers', icon: '▣' },
  { to: '/audit', label: 'Audit log', icon: '☰' },
  { to: '/settings', label: 'Settings', icon: '⚙' },
];
