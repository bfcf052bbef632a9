// The authenticated shell: header with the signed-in person's name, role and sign-out; a
// navbar that collapses behind a burger on tablets and phones; the page in the middle.
import { Suspense } from 'react';
import {
  AppShell,
  Burger,
  Button,
  Center,
  Group,
  Loader,
  NavLink,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconChartBar,
  IconDiamond,
  IconScale,
  IconInbox,
  IconLayoutKanban,
  IconListDetails,
  IconLogout,
  IconQrcode,
  IconSettings,
} from '@tabler/icons-react';
import { Link, Outlet, useLocation, useNavigation } from 'react-router';
import { RoleBadge } from '../../components/RoleBadge';
import { paths } from '../../config/paths';
import type { StaffProfile } from '../../features/auth/api/staff-profile-query';
import classes from './AppShellLayout.module.css';
import { ConnectionBanner } from './ConnectionBanner';

type Role = StaffProfile['role'];
type NavItem = { to: string; label: string; icon: typeof IconChartBar; roles?: Role[] };

// Who sees which page in the navigation (a page's data is guarded by the database either way).
const links: NavItem[] = [
  { to: paths.board, label: 'Board', icon: IconLayoutKanban },
  { to: paths.intake, label: 'Intake', icon: IconInbox },
  { to: paths.orders, label: 'Orders', icon: IconListDetails },
  { to: paths.analytics, label: 'Analytics', icon: IconChartBar },
  // The workshop's and the manager's day's-end count.
  {
    to: paths.floorMetal,
    label: 'Metal on the floor',
    icon: IconScale,
    roles: ['workshop', 'manager'],
  },
  // The bench's scan screen (tickets' QR codes).
  {
    to: paths.scan,
    label: 'Scan a ticket',
    icon: IconQrcode,
    roles: ['workshop', 'qc', 'manager'],
  },
  // The workshop and managers allocate; QC reads it beside certificates (a stylist may open
  // /stones read-only; their navigation stays short).
  { to: paths.stones, label: 'Stones', icon: IconDiamond, roles: ['workshop', 'qc', 'manager'] },
  { to: paths.settings, label: 'Settings', icon: IconSettings, roles: ['manager'] },
];

type AppShellLayoutProps = {
  profile: StaffProfile;
  onSignOut: () => void;
  signingOut: boolean;
};

export function AppShellLayout({ profile, onSignOut, signingOut }: AppShellLayoutProps) {
  const [navOpen, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const navigation = useNavigation();
  const visibleLinks = links.filter((l) => !l.roles || l.roles.includes(profile.role));

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="lg"
    >
      <a href="#main" className={classes.skipLink}>
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpen ? 'Close navigation' : 'Open navigation'}
              aria-expanded={navOpen}
              aria-controls="main-navigation"
            />
            <Title order={2} size="h3" c="loupe.9" className={classes.brand}>
              Loupe
            </Title>
            {navigation.state === 'loading' && <Loader size="xs" aria-label="Loading page" />}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text fw={500} truncate="end" maw={{ base: 120, sm: 260 }}>
              {profile.display_name}
            </Text>
            <RoleBadge role={profile.role} />
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconLogout size={18} aria-hidden />}
              onClick={onSignOut}
              loading={signingOut}
            >
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" id="main-navigation" aria-label="Main navigation" component="nav">
        {visibleLinks.map(({ to, label, icon: Icon }) => {
          const active = pathname === to || pathname.startsWith(`${to}/`);
          return (
            <NavLink
              key={to}
              component={Link}
              to={to}
              label={label}
              leftSection={<Icon size={20} aria-hidden />}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={close}
              variant="light"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          );
        })}
      </AppShell.Navbar>

      <ConnectionBanner />
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense
          fallback={
            <Center py="xl">
              <Loader aria-label="Loading page" />
            </Center>
          }
        >
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
