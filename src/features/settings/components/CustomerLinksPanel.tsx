// Customer links: what customers see and how long their links work. The name on the review
// page, the days a new review or status link stays valid (links already sent keep the expiry
// they were made with), and the limit on failed attempts from one address before it must wait.
import { useState } from 'react';
import { Alert, Button, Group, NumberInput, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { toAppError } from '../../../lib/errors';
import { settingsQueries } from '../api/settings-queries';
import type { CustomerLinkSettings } from '../api/customer-link-settings-query';
import { useUpdateCustomerLinkSettings } from '../api/customer-link-settings-update-mutation';

export function CustomerLinksPanel() {
  const settings = useQuery(settingsQueries.customerLinks());
  if (settings.isPending)
    return <Skeleton h={320} role="status" aria-label="Loading customer link settings" />;
  if (settings.isError)
    return (
      <Alert
        color="red"
        icon={<IconAlertTriangle aria-hidden />}
        title="Customer link settings could not be loaded"
      >
        {toAppError(settings.error).message}
      </Alert>
    );
  // Keyed on the saved values: after a save (or another manager's), the form starts from them.
  return <CustomerLinksForm key={JSON.stringify(settings.data)} saved={settings.data} />;
}

function CustomerLinksForm({ saved }: { saved: CustomerLinkSettings }) {
  const save = useUpdateCustomerLinkSettings();
  const [values, setValues] = useState(saved);
  const set = <K extends keyof CustomerLinkSettings>(key: K, value: CustomerLinkSettings[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const changed = JSON.stringify(values) !== JSON.stringify(saved);
  const number = (value: string | number) => (typeof value === 'number' ? value : Number.NaN);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(values);
      }}
    >
      <Stack gap="md" maw={560}>
        <Text c="dimmed" size="sm">
          Customers open review and status links without an account. Links already sent keep the
          expiry they were made with.
        </Text>
        <TextInput
          label="House name on the customer's page"
          value={values.house_name}
          onChange={(e) => set('house_name', e.currentTarget.value)}
          maxLength={80}
          required
        />
        <NumberInput
          label="A new link stays valid for (days)"
          description="1 to 60 days"
          value={values.review_link_days}
          onChange={(v) => set('review_link_days', number(v))}
          min={1}
          max={60}
          allowDecimal={false}
          required
        />
        <Group grow align="flex-start">
          <NumberInput
            label="Failed link attempts allowed from one address"
            value={values.review_link_max_failures}
            onChange={(v) => set('review_link_max_failures', number(v))}
            min={1}
            max={100000}
            allowDecimal={false}
            required
          />
          <NumberInput
            label="…within (minutes)"
            value={values.review_link_failure_window_minutes}
            onChange={(v) => set('review_link_failure_window_minutes', number(v))}
            min={1}
            max={1440}
            allowDecimal={false}
            required
          />
        </Group>
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!changed} mih={44}>
            Save customer link settings
          </Button>
          {changed && (
            <Button variant="default" onClick={() => setValues(saved)} mih={44}>
              Discard changes
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
