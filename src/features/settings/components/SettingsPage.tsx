// /settings for managers: targets and WIP limits, holidays, QC checklists, the workshop floor,
// customer links and staff, one tab each (the open tab is part of the URL, so a link can point
// at "Holidays"). A tab whose settings belong to another feature (the metal ledger's norms) is
// filled by the route, which composes features.
import type { ReactNode } from 'react';
import { Stack, Tabs, Title } from '@mantine/core';
import { HolidaysPanel } from './HolidaysPanel';
import { QcTemplatesPanel } from './QcTemplatesPanel';
import { StaffPanel } from './StaffPanel';
import { StageTargetsPanel } from './StageTargetsPanel';
import { CustomerLinksPanel } from './CustomerLinksPanel';
import { settingsTabs, type SettingsTab } from '../lib/tabs';

const tabLabels: Record<SettingsTab, string> = {
  targets: 'SLA targets & WIP limits',
  holidays: 'Holidays',
  qc: 'QC checklists',
  floor: 'Workshop floor',
  customers: 'Customer links',
  staff: 'Staff',
};

export function SettingsPage({
  tab,
  onTabChange,
  floorPanel,
}: {
  tab: SettingsTab;
  onTabChange: (tab: SettingsTab) => void;
  /** The metal ledger's weighing rules and loss norms (another feature's, given by the route). */
  floorPanel?: ReactNode;
}) {
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Settings
      </Title>
      <Tabs value={tab} onChange={(v) => v && onTabChange(v as SettingsTab)} keepMounted={false}>
        <Tabs.List aria-label="Settings sections">
          {settingsTabs.map((t) => (
            <Tabs.Tab key={t} value={t} mih={44}>
              {tabLabels[t]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="targets" pt="md">
          <StageTargetsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="holidays" pt="md">
          <HolidaysPanel />
        </Tabs.Panel>
        <Tabs.Panel value="qc" pt="md">
          <QcTemplatesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="floor" pt="md">
          {floorPanel}
        </Tabs.Panel>
        <Tabs.Panel value="customers" pt="md">
          <CustomerLinksPanel />
        </Tabs.Panel>
        <Tabs.Panel value="staff" pt="md">
          <StaffPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
