// The page's filters: a date range (inclusive days) and a product. Changes go to the URL; the
// range is applied once both ends are picked, and longer ranges than the database allows are
// not offered.
import { useState } from 'react';
import { Group, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { MAX_RANGE_DAYS, rangePresets, type AnalyticsFilters as Filters } from '../lib/filters';
import { productLabels, products } from '../lib/labels';
import type { Product } from '../lib/report';

const ALL = 'all';

export function AnalyticsFilters({
  filters,
  onChange,
}: {
  filters: Filters;
  onChange: (next: Filters) => void;
}) {
  // The picker's own value while the second end is being chosen.
  const [draft, setDraft] = useState<[string | null, string | null] | null>(null);
  const value = draft ?? [filters.from, filters.to];
  const pickingFrom = draft?.[0] && !draft[1] ? dayjs(draft[0]) : null;

  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <DatePickerInput
        type="range"
        label="Date range"
        value={value}
        valueFormat="D MMM YYYY"
        allowSingleDateInRange
        miw={260}
        size="md"
        minDate={pickingFrom ? pickingFrom.subtract(MAX_RANGE_DAYS, 'day').toDate() : undefined}
        maxDate={pickingFrom ? pickingFrom.add(MAX_RANGE_DAYS, 'day').toDate() : undefined}
        onChange={(next) => {
          const [from, to] = next;
          if (from && to) {
            setDraft(null);
            onChange({
              ...filters,
              from: dayjs(from).format('YYYY-MM-DD'),
              to: dayjs(to).format('YYYY-MM-DD'),
            });
          } else {
            setDraft([from ? dayjs(from).format('YYYY-MM-DD') : null, null]);
          }
        }}
        onDropdownClose={() => setDraft(null)}
        presets={rangePresets().map((p) => ({
          label: p.label,
          value: [p.from, p.to] as [string, string],
        }))}
      />
      <Select
        label="Product"
        size="md"
        miw={220}
        allowDeselect={false}
        value={filters.product ?? ALL}
        data={[
          { value: ALL, label: 'All products' },
          ...products.map((p) => ({ value: p, label: productLabels[p] })),
        ]}
        onChange={(v) => onChange({ ...filters, product: !v || v === ALL ? null : (v as Product) })}
      />
    </Group>
  );
}
