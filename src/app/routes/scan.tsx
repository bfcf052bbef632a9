// /scan — the bench's scanning screen: full screen (no navigation bar) for a 10" tablet in
// portrait, a slim header with the person and a way back. Composes the scan feature with the
// signed-in person's role; the open order is kept in the URL (?order=CODE) so Back closes it.
import { useCallback, useEffect } from 'react';
import { Anchor, Box, Container, Group, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useLoaderData, useSearchParams } from 'react-router';
import { paths } from '../../config/paths';
import { RoleBadge } from '../../components/RoleBadge';
import type { StaffProfile } from '../../features/auth/api/staff-profile-query';
import { ScanView } from '../../features/scan/components/ScanView';
import { LogWeightsForm } from '../../features/metal-ledger/components/LogWeightsForm';

export function Component() {
  const profile = useLoaderData() as StaffProfile;
  const [params, setParams] = useSearchParams();
  const code = params.get('order');

  useEffect(() => {
    document.title = code ? `${code} · Scan · Loupe` : 'Scan · Loupe';
  }, [code]);

  const open = useCallback(
    (next: string) => setParams({ order: next }, { replace: code !== null }),
    [code, setParams],
  );

  return (
    <Box mih="100dvh" bg="gray.0">
      <Box
        component="header"
        px="md"
        py="xs"
        bg="white"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Anchor
              component={Link}
              to={paths.board}
              aria-label="Back to the board"
              mih={44}
              display="flex"
              style={{ alignItems: 'center' }}
            >
              <IconArrowLeft size={22} aria-hidden />
            </Anchor>
            <Title order={1} size="h3">
              Scan a ticket
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text fw={500} truncate="end" maw={180}>
              {profile.display_name}
            </Text>
            <RoleBadge role={profile.role} />
          </Group>
        </Group>
      </Box>
      <Container size={720} py="md" component="main" id="main">
        <ScanView
          role={profile.role}
          code={code}
          onOpen={open}
          origins={[window.location.origin]}
          // The metal ledger's form: a step that takes weights is done once its metal is back.
          renderLogWeights={({ orderId, step, onLogged }) => (
            <LogWeightsForm orderId={orderId} step={step} onDone={onLogged} />
          )}
        />
      </Container>
    </Box>
  );
}
