// Placeholder pages for the sections later releases build: an honest empty state, not a mock.
import type { ReactNode } from 'react';
import { Title } from '@mantine/core';
import {
  IconChartBar,
  IconInbox,
  IconLayoutKanban,
  IconListDetails,
  IconSettings,
} from '@tabler/icons-react';
import { EmptyState } from '../../components/EmptyState';

export type Section = 'board' | 'intake' | 'orders' | 'analytics' | 'settings';

const sections: Record<Section, { title: string; icon: ReactNode; purpose: string }> = {
  board: {
    title: 'Board',
    icon: <IconLayoutKanban size={28} />,
    purpose: 'The workshop board will show every paid order by stage, with what is due and late.',
  },
  intake: {
    title: 'Intake',
    icon: <IconInbox size={28} />,
    purpose: 'New requests to confirm within two hours will be triaged here.',
  },
  orders: {
    title: 'Orders',
    icon: <IconListDetails size={28} />,
    purpose: 'Every order with its history, search and filters will be listed here.',
  },
  analytics: {
    title: 'Analytics',
    icon: <IconChartBar size={28} />,
    purpose: 'Turnaround against the house promises, SLA breaches and throughput will live here.',
  },
  settings: {
    title: 'Settings',
    icon: <IconSettings size={28} />,
    purpose: 'SLA targets, WIP limits, holidays and QC checklist templates will be set here.',
  },
};

export function ComingSoon({ section }: { section: Section }) {
  const { title, icon, purpose } = sections[section];
  return (
    <>
      <Title order={1} size="h2" mb="md">
        {title}
      </Title>
      <EmptyState icon={icon} title="Coming in a later release">
        {purpose}
      </EmptyState>
    </>
  );
}
