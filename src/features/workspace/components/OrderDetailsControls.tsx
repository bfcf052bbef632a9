// The editable details of the header: assignee, priority and promised date. Each change goes to
// the database at once (optimistic), at the version on screen; a refusal puts the old value back
// and says why in a notification.
import { useState } from 'react';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { toAppError } from '../../../lib/errors';
import { staffRoleLabels } from '../../../lib/staff-roles';
import { priorityLabels } from '../lib/labels';
import { workspaceQueries } from '../api/workspace-queries';
import {
  useUpdateOrderDetailsMutation,
  type OrderDetailsChanges,
} from '../api/order-details-update-mutation';
import type { OrderRow } from '../api/order-query';

type Props = {
  order: Pick<OrderRow, 'id' | 'code' | 'version' | 'assignee_id' | 'priority' | 'promised_date'>;
};

export function OrderDetailsControls({ order }: Props) {
  const staff = useQuery(workspaceQueries.staff());
  const update = useUpdateOrderDetailsMutation(order.code);
  // A draft only while the person edits the date; otherwise the order's own (possibly newer) value.
  const [draft, setDraft] = useState<string | null>(null);
  const promised = draft ?? order.promised_date ?? '';

  const save = (changes: OrderDetailsChanges) =>
    update.mutate(
      { orderId: order.id, expectedVersion: order.version, changes },
      {
        onSuccess: () => setDraft(null),
        // A refusal shows the order's own date again; a server out of reach keeps what was
        // typed, to save once it is back.
        onError: (error) => {
          if (toAppError(error).code !== 'network') setDraft(null);
        },
      },
    );

  const staffOptions = (staff.data ?? []).map((s) => ({
    value: s.id,
    label: `${s.display_name} · ${staffRoleLabels[s.role]}`,
  }));
  const promisedDirty = promised !== (order.promised_date ?? '');

  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <Select
        label="Assignee"
        placeholder={staff.isLoading ? 'Loading staff…' : 'Nobody yet'}
        data={staffOptions}
        value={order.assignee_id}
        onChange={(value) => save({ assignee_id: value })}
        clearable
        searchable
        disabled={update.isPending}
        error={staff.isError ? 'Could not load the staff list.' : undefined}
        w={260}
        size="md"
      />
      <Select
        label="Priority"
        data={[0, 1, 2].map((p) => ({ value: String(p), label: priorityLabels[p]! }))}
        value={String(order.priority)}
        onChange={(value) => value !== null && save({ priority: Number(value) })}
        allowDeselect={false}
        disabled={update.isPending}
        w={170}
        size="md"
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save({ promised_date: promised || null });
        }}
      >
        <Group align="flex-end" gap="xs">
          <TextInput
            type="date"
            label="Promised date"
            value={promised}
            onChange={(e) => setDraft(e.currentTarget.value)}
            w={180}
            size="md"
          />
          {promisedDirty && (
            <Button type="submit" variant="light" loading={update.isPending} h={42}>
              Save date
            </Button>
          )}
        </Group>
      </form>
    </Group>
  );
}
