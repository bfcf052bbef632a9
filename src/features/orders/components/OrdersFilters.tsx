// The orders table's filter bar: search, stage, SLA, product, assignee, late only, and the
// three date ranges. Every change goes straight to the URL (the route owns the state); typing
// in search waits for a pause so each keystroke does not become a request and a history entry.
import { stageLabels } from '../../../lib/order-vocabulary';
import { useState } from 'react';
import {
  Button,
  Checkbox,
  Collapse,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconCalendar, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { slaStatusLabels } from '../../../lib/sla-display';
import { orderListQueries } from '../api/order-list-queries';
import { orderStages, productBases, productLabels } from '../lib/labels';
import {
  clearFilters,
  hasFilters,
  isIsoDate,
  slaFilters,
  UNASSIGNED,
  withFilters,
  type DateRange,
  type OrdersTableState,
} from '../lib/table-state';

type Change = (next: OrdersTableState, options?: { replace?: boolean }) => void;

const dateRanges = [
  ['created', 'Created'],
  ['promised', 'Promised'],
  ['paid', 'Paid'],
] as const;

export function OrdersFilters({ state, onChange }: { state: OrdersTableState; onChange: Change }) {
  const assignees = useQuery(orderListQueries.assignees());
  const [search, setSearch] = useState(state.search);
  const [datesOpen, setDatesOpen] = useState(() =>
    dateRanges.some(([k]) => state[k].from || state[k].to),
  );
  // The URL wins when it changes from elsewhere (Back, "Clear filters"): React's "adjust
  // state while rendering" pattern, instead of an effect that renders twice.
  const [urlSearch, setUrlSearch] = useState(state.search);
  if (urlSearch !== state.search) {
    setUrlSearch(state.search);
    setSearch(state.search);
  }
  const commitSearch = useDebouncedCallback((value: string) => {
    if (value.trim() !== state.search)
      onChange(withFilters(state, { search: value }), { replace: true });
  }, 300);

  const setRange = (key: (typeof dateRanges)[number][0], range: DateRange) =>
    onChange(withFilters(state, { [key]: range }));

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label="Search"
          placeholder="Order code, customer or piece"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            commitSearch(e.currentTarget.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onChange(withFilters(state, { search }), { replace: true });
          }}
          w={260}
          size="md"
        />
        <MultiSelect
          label="Stage"
          placeholder={state.stages.length ? undefined : 'Any stage'}
          data={orderStages.map((s) => ({ value: s, label: stageLabels[s] }))}
          value={state.stages}
          onChange={(v) =>
            onChange(withFilters(state, { stages: v as OrdersTableState['stages'] }))
          }
          clearable
          w={240}
          size="md"
        />
        <MultiSelect
          label="SLA"
          placeholder={state.sla.length ? undefined : 'Any'}
          data={slaFilters.map((s) => ({ value: s, label: slaStatusLabels[s] }))}
          value={state.sla}
          onChange={(v) => onChange(withFilters(state, { sla: v as OrdersTableState['sla'] }))}
          clearable
          w={200}
          size="md"
        />
        <MultiSelect
          label="Product"
          placeholder={state.products.length ? undefined : 'Any product'}
          data={productBases.map((p) => ({ value: p, label: productLabels[p] }))}
          value={state.products}
          onChange={(v) =>
            onChange(withFilters(state, { products: v as OrdersTableState['products'] }))
          }
          clearable
          w={240}
          size="md"
        />
        <Select
          label="Assignee"
          placeholder="Anyone"
          data={[
            { value: UNASSIGNED, label: 'Unassigned' },
            ...(assignees.data ?? []).map((a) => ({ value: a.id, label: a.display_name })),
          ]}
          value={state.assignee}
          onChange={(v) => onChange(withFilters(state, { assignee: v }))}
          clearable
          searchable
          w={200}
          size="md"
          error={assignees.isError ? 'Staff list unavailable' : undefined}
        />
        <Checkbox
          label="Late only"
          checked={state.late}
          onChange={(e) => onChange(withFilters(state, { late: e.currentTarget.checked }))}
          size="md"
          mb={10}
        />
        <Button
          variant="default"
          size="md"
          leftSection={<IconCalendar size={16} aria-hidden />}
          onClick={() => setDatesOpen((o) => !o)}
          aria-expanded={datesOpen}
          aria-controls="orders-date-filters"
        >
          Dates
        </Button>
        {hasFilters(state) && (
          <Button
            variant="subtle"
            size="md"
            leftSection={<IconFilterOff size={16} aria-hidden />}
            onClick={() => onChange(clearFilters(state))}
          >
            Clear filters
          </Button>
        )}
      </Group>
      <Collapse expanded={datesOpen} id="orders-date-filters">
        <SimpleGrid cols={{ base: 2, md: 6 }} spacing="sm">
          {dateRanges.map(([key, label]) => (
            <DateBounds
              key={key}
              label={label}
              range={state[key]}
              onChange={(range) => setRange(key, range)}
            />
          ))}
        </SimpleGrid>
      </Collapse>
    </Stack>
  );
}

/** Native date inputs: the tablet's own date picker, keyboard-typable on a desktop. */
function DateBounds({
  label,
  range,
  onChange,
}: {
  label: string;
  range: DateRange;
  onChange: (range: DateRange) => void;
}) {
  const read = (value: string) => (isIsoDate(value) ? value : null);
  return (
    <>
      <TextInput
        type="date"
        label={`${label} from`}
        value={range.from ?? ''}
        max={range.to ?? undefined}
        onChange={(e) => onChange({ ...range, from: read(e.currentTarget.value) })}
        size="md"
      />
      <TextInput
        type="date"
        label={`${label} to`}
        value={range.to ?? ''}
        min={range.from ?? undefined}
        onChange={(e) => onChange({ ...range, to: read(e.currentTarget.value) })}
        size="md"
      />
    </>
  );
}
