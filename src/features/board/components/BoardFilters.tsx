// The filter bar: search by code or customer, mine, product, risk flag and late only. It reads
// and writes the URL only; the board filters what it has in the cache.
import { Button, Group, Select, Switch, TextInput } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { Constants } from '../../../types/database';
import {
  hasFilters,
  noFilters,
  type BoardFilters as Filters,
  type IntakeRisk,
  type ProductBase,
} from '../lib/board-filters';
import { productLabels, riskLabels } from '../lib/labels';

const productOptions = Constants.public.Enums.product_base.map((value) => ({
  value,
  label: productLabels[value],
}));
const riskOptions = Constants.public.Enums.intake_risk.map((value) => ({
  value,
  label: riskLabels[value],
}));

type BoardFiltersProps = { filters: Filters; onChange: (filters: Filters) => void };

export function BoardFilters({ filters, onChange }: BoardFiltersProps) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Board filters">
      <TextInput
        label="Search"
        placeholder="Order code or customer"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={filters.q}
        onChange={(event) => onChange({ ...filters, q: event.currentTarget.value })}
        w={240}
        size="md"
      />
      <Select
        label="Product"
        placeholder="All products"
        data={productOptions}
        value={filters.product}
        onChange={(value) => onChange({ ...filters, product: value as ProductBase | null })}
        clearable
        w={190}
        size="md"
      />
      <Select
        label="Risk flag"
        placeholder="Any"
        data={riskOptions}
        value={filters.risk}
        onChange={(value) => onChange({ ...filters, risk: value as IntakeRisk | null })}
        clearable
        w={180}
        size="md"
      />
      <Switch
        label="Mine"
        checked={filters.mine}
        onChange={(event) => onChange({ ...filters, mine: event.currentTarget.checked })}
        size="md"
        mb={10}
      />
      <Switch
        label="Late only"
        checked={filters.late}
        onChange={(event) => onChange({ ...filters, late: event.currentTarget.checked })}
        size="md"
        mb={10}
      />
      {hasFilters(filters) && (
        <Button
          variant="subtle"
          leftSection={<IconX size={16} aria-hidden />}
          onClick={() => onChange(noFilters)}
          size="md"
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
