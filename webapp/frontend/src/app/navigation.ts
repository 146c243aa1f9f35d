import { part2NavItems } from './navigationPart2';

/** Entries of the left navigation; a new page adds one here and one route in routes.tsx. */
export interface NavItem {
  to: string;
  label: string;
  icon: string;
}

export const navItems: NavItem[] = [
  { to: '/projects', label: 'Projects', icon: '▦' },
  { to: '/projects/*/experiments', label: 'All experiments', icon: '≣' },
  { to: '/models', label: 'Models', icon: '◈' },
  ...part2NavItems,
];
