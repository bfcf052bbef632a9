// Which columns the table shows (kept in the URL with the rest of the view). At least one
// column always stays, so the table never becomes an empty frame.
import { Button, Checkbox, Popover, Stack } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { columnIds, columnLabels } from '../lib/columns';
import type { OrdersTableState } from '../lib/table-state';

export function ColumnsMenu({
  state,
  onChange,
}: {
  state: OrdersTableState;
  onChange: (next: OrdersTableState) => void;
}) {
  const visible = columnIds.filter((c) => !state.hidden.includes(c));
  return (
    <Popover position="bottom-end" shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default" size="md" leftSection={<IconColumns size={16} aria-hidden />}>
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group
          label="Show columns"
          value={visible}
          onChange={(shown) => {
            if (shown.length === 0) return;
            onChange({ ...state, hidden: columnIds.filter((c) => !shown.includes(c)) });
          }}
        >
          <Stack gap="xs" mt="xs">
            {columnIds.map((c) => (
              <Checkbox key={c} value={c} label={columnLabels[c]} size="md" />
            ))}
          </Stack>
        </Checkbox.Group>
      </Popover.Dropdown>
    </Popover>
  );
}
