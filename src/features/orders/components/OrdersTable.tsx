// The orders table: one page of public.order_list with the database doing the sorting,
// filtering, counting and paging (TanStack Table in manual mode only lays it out). A row
// opens the order workspace by click or, when focused, by Enter.
import { useEffect, useMemo } from 'react';
import {
  Alert,
  Button,
  Group,
  Pagination,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowDown,
  IconArrowUp,
  IconArrowsSort,
  IconListSearch,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type VisibilityState,
} from '@tanstack/react-table';
import { EmptyState } from '../../../components/EmptyState';
import { SlaBadge } from '../../../components/SlaBadge';
import { toAppError } from '../../../lib/errors';
import { orderListQueries } from '../api/order-list-queries';
import { columnIds, columnLabels, type ColumnId } from '../lib/columns';
import { cellText, type OrderListRow } from '../lib/order-cells';
import {
  clearFilters,
  hasFilters,
  pageSizes,
  type OrdersTableState,
  type PageSize,
} from '../lib/table-state';
import { isSlaStatus } from '../../../lib/sla-display';

type Change = (next: OrdersTableState, options?: { replace?: boolean }) => void;

/** First click sorts dates, times and SLA "most first"; names and codes A→Z. */
const descFirst = new Set<ColumnId>(['timeInStage', 'sla', 'paid', 'created', 'cadRounds']);

const numberFormat = new Intl.NumberFormat('en-US');

const wraps = new Set<string>(['customer', 'product', 'assignee']);

function buildColumns(): ColumnDef<OrderListRow>[] {
  return columnIds.map((id) => ({
    id,
    header: columnLabels[id],
    cell: ({ row }) => {
      const r = row.original;
      if (id === 'sla') {
        return isSlaStatus(r.sla_status) ? (
          <SlaBadge status={r.sla_status} />
        ) : (
          <Text span c="dimmed" size="sm">
            No clock
          </Text>
        );
      }
      if (id === 'code') {
        return (
          <Text span fw={600} ff="monospace" size="sm">
            {r.code}
          </Text>
        );
      }
      if (id === 'promised' && r.is_late) {
        return (
          <Text span c="red" fw={600} size="sm">
            {cellText(r, id)} <span>(late)</span>
          </Text>
        );
      }
      return cellText(r, id) || <span aria-label="none">—</span>;
    },
  }));
}

export function OrdersTable({
  state,
  onChange,
  onOpenOrder,
}: {
  state: OrdersTableState;
  onChange: Change;
  onOpenOrder: (code: string) => void;
}) {
  const page = useQuery(orderListQueries.page(state));
  const columns = useMemo(buildColumns, []);
  const columnVisibility = useMemo<VisibilityState>(
    () => Object.fromEntries(state.hidden.map((c) => [c, false])),
    [state.hidden],
  );
  // TanStack Table keeps its own instance; the React Compiler leaves this component alone.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: page.data?.rows ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row, index) => row.id ?? String(index),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    state: { columnVisibility },
  });

  const total = page.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / state.pageSize));
  // A bookmarked page past the end (fewer orders now): show the last page instead.
  useEffect(() => {
    if (page.data && !page.isPlaceholderData && state.page > pageCount) {
      onChange({ ...state, page: pageCount }, { replace: true });
    }
  }, [page.data, page.isPlaceholderData, state, pageCount, onChange]);

  const sortBy = (column: ColumnId) => {
    const desc = state.sort.column === column ? !state.sort.desc : descFirst.has(column);
    onChange({ ...state, sort: { column, desc }, page: 1 });
  };

  if (page.isError && !page.data) {
    return (
      <Alert
        color="red"
        icon={<IconAlertTriangle aria-hidden />}
        title="The orders could not be loaded"
        role="alert"
      >
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{toAppError(page.error).message}</Text>
          <Button variant="light" color="red" onClick={() => void page.refetch()}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }

  const first = total === 0 ? 0 : (state.page - 1) * state.pageSize + 1;
  const last = first + Math.max(0, (page.data?.rows.length ?? 0) - 1);

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="orders-count">
          {page.isPending
            ? 'Loading orders…'
            : total === 0
              ? 'No orders'
              : `Showing ${numberFormat.format(first)}–${numberFormat.format(last)} of ${numberFormat.format(total)} ${total === 1 ? 'order' : 'orders'}`}
        </Text>
        {page.isError && (
          <Text size="sm" c="red" role="alert">
            Could not refresh: {toAppError(page.error).message}
          </Text>
        )}
      </Group>
      <Table.ScrollContainer minWidth={1100}>
        <Table
          highlightOnHover
          verticalSpacing="sm"
          aria-label="Orders"
          aria-rowcount={total + 1}
          aria-busy={page.isFetching}
          style={{ opacity: page.isPlaceholderData ? 0.6 : 1 }}
        >
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => {
                  const id = header.column.id as ColumnId;
                  const active = state.sort.column === id;
                  const Icon = !active
                    ? IconArrowsSort
                    : state.sort.desc
                      ? IconArrowDown
                      : IconArrowUp;
                  return (
                    <Table.Th
                      key={header.id}
                      aria-sort={active ? (state.sort.desc ? 'descending' : 'ascending') : 'none'}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      <UnstyledButton
                        onClick={() => sortBy(id)}
                        mih={44}
                        fw={600}
                        fz="sm"
                        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.4 }} />
                      </UnstyledButton>
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {page.isPending
              ? Array.from({ length: 8 }, (_, i) => (
                  <Table.Tr key={i}>
                    {table.getVisibleLeafColumns().map((c) => (
                      <Table.Td key={c.id}>
                        <Skeleton h={16} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))
              : table.getRowModel().rows.map((row) => {
                  const code = row.original.code ?? '';
                  return (
                    <Table.Tr
                      key={row.id}
                      tabIndex={0}
                      aria-label={`${code}, ${row.original.customer_display_name ?? ''}`}
                      onClick={() => onOpenOrder(code)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' && e.target === e.currentTarget) {
                          e.preventDefault();
                          onOpenOrder(code);
                        }
                      }}
                      style={{ cursor: 'pointer' }}
                      h={48}
                    >
                      {row.getVisibleCells().map((cell) => (
                        <Table.Td
                          key={cell.id}
                          // Codes, dates and badges stay on one line; names may wrap.
                          style={wraps.has(cell.column.id) ? undefined : { whiteSpace: 'nowrap' }}
                        >
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  );
                })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!page.isPending && total === 0 && (
        <EmptyState
          icon={<IconListSearch size={28} />}
          title={hasFilters(state) ? 'No orders match these filters' : 'No orders yet'}
          action={
            hasFilters(state) ? (
              <Button variant="light" onClick={() => onChange(clearFilters(state))}>
                Clear filters
              </Button>
            ) : undefined
          }
        >
          {hasFilters(state)
            ? 'Try fewer filters or a shorter search.'
            : 'Orders appear here once a confirmed intake is converted.'}
        </EmptyState>
      )}
      {total > 0 && (
        <Group justify="space-between" wrap="wrap">
          <Pagination
            total={pageCount}
            value={Math.min(state.page, pageCount)}
            onChange={(p) => onChange({ ...state, page: p })}
            size="lg"
            withEdges
            getControlProps={(control) => ({
              'aria-label':
                control === 'first'
                  ? 'First page'
                  : control === 'last'
                    ? 'Last page'
                    : control === 'next'
                      ? 'Next page'
                      : 'Previous page',
            })}
            getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
          />
          <Select
            label="Rows per page"
            data={pageSizes.map((s) => String(s))}
            value={String(state.pageSize)}
            onChange={(v) => v && onChange({ ...state, pageSize: Number(v) as PageSize, page: 1 })}
            allowDeselect={false}
            w={140}
            size="md"
          />
        </Group>
      )}
    </Stack>
  );
}
