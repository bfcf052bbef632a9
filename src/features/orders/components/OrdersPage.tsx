// The /orders page: heading, filters, column and export controls, and the table. The route
// owns the URL; this page only reads the state it is given and reports changes.
import { Group, Stack, Title } from '@mantine/core';
import type { OrdersTableState } from '../lib/table-state';
import { ColumnsMenu } from './ColumnsMenu';
import { ExportCsvButton } from './ExportCsvButton';
import { OrdersFilters } from './OrdersFilters';
import { OrdersTable } from './OrdersTable';

export function OrdersPage({
  state,
  onChange,
  onOpenOrder,
}: {
  state: OrdersTableState;
  onChange: (next: OrdersTableState, options?: { replace?: boolean }) => void;
  onOpenOrder: (code: string) => void;
}) {
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Orders
        </Title>
        <Group gap="sm">
          <ColumnsMenu state={state} onChange={onChange} />
          <ExportCsvButton state={state} />
        </Group>
      </Group>
      <OrdersFilters state={state} onChange={onChange} />
      <OrdersTable state={state} onChange={onChange} onOpenOrder={onOpenOrder} />
    </Stack>
  );
}
