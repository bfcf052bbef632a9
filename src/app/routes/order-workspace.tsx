// /orders/:code — the order workspace as a page (the board opens the same view in a drawer).
// Loaded with route.lazy so the board's first paint does not carry the workspace's code.
import { useEffect } from 'react';
import { Anchor, Container, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { paths } from '../../config/paths';
import { OrderWorkspaceView } from './order-workspace/OrderWorkspaceView';

export function Component() {
  const { code = '' } = useParams();
  useEffect(() => {
    document.title = `${code} · Loupe`;
  }, [code]);
  return (
    <Container size="xl" px={0}>
      <Group mb="sm">
        <Anchor component={Link} to={paths.board} size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} /> Board
          </Group>
        </Anchor>
      </Group>
      <OrderWorkspaceView code={code} />
    </Container>
  );
}
