// The frame every analytics chart shares: a titled region, the units it is drawn in, a text
// summary (what a screen reader or a hurried manager needs), the chart or an empty state, a
// data table toggle and "Download CSV" of the data behind it.
import { useId, useState, type ReactNode } from 'react';
import { Button, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconChartBarOff, IconDownload, IconTable } from '@tabler/icons-react';
import { csvFileName, toCsv } from '../lib/csv';
import type { Dataset } from '../lib/datasets';
import type { AnalyticsFilters } from '../lib/filters';
import { downloadText } from './download';

type ChartCardProps<T> = {
  title: string;
  /** What the axes measure, e.g. "Percent of stays that ended in each week". */
  units: string;
  dataset: Dataset<unknown, T>;
  filters: AnalyticsFilters;
  emptyText: string;
  /** The table is the content itself (ageing): always shown, no toggle. */
  tableOnly?: boolean;
  renderCell?: (row: T, column: number) => ReactNode;
  children?: ReactNode;
};

export function ChartCard<T>({
  title,
  units,
  dataset,
  filters,
  emptyText,
  tableOnly = false,
  renderCell,
  children,
}: ChartCardProps<T>) {
  const id = useId();
  const titleId = `${id}-title`;
  const summaryId = `${id}-summary`;
  const tableId = `${id}-table`;
  const [showTable, setShowTable] = useState(false);

  const download = () =>
    downloadText(csvFileName(title, filters), toCsv(dataset.columns, dataset.table));

  return (
    <Paper component="section" aria-labelledby={titleId} withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div>
            <Title order={2} size="h4" id={titleId}>
              {title}
            </Title>
            <Text size="sm" c="gray.7">
              {units}
            </Text>
          </div>
          <Group gap="xs">
            {!tableOnly && !dataset.empty && (
              <Button
                variant="default"
                mih={44}
                leftSection={<IconTable size={16} aria-hidden />}
                aria-expanded={showTable}
                aria-controls={tableId}
                onClick={() => setShowTable((s) => !s)}
              >
                {showTable ? 'Hide data table' : 'Show data table'}
              </Button>
            )}
            <Button
              variant="light"
              mih={44}
              leftSection={<IconDownload size={16} aria-hidden />}
              aria-label={`Download CSV of ${title}`}
              onClick={download}
            >
              Download CSV
            </Button>
          </Group>
        </Group>
        <Text id={summaryId} size="sm">
          {dataset.summary}
        </Text>
        {dataset.empty ? (
          <Stack align="center" gap={4} py="xl" c="gray.7">
            <IconChartBarOff size={28} aria-hidden />
            <Text c="gray.7">{emptyText}</Text>
          </Stack>
        ) : (
          <>
            {!tableOnly && (
              <figure
                aria-labelledby={titleId}
                aria-describedby={summaryId}
                style={{ margin: 0, minWidth: 0 }}
              >
                {children}
              </figure>
            )}
            {(tableOnly || showTable) && (
              <DataTable
                id={tableId}
                label={`Data behind “${title}”`}
                showCaption={!tableOnly}
                dataset={dataset}
                renderCell={renderCell}
              />
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function DataTable<T>({
  id,
  label,
  showCaption,
  dataset,
  renderCell,
}: {
  id: string;
  label: string;
  showCaption: boolean;
  dataset: Dataset<unknown, T>;
  renderCell?: (row: T, column: number) => ReactNode;
}) {
  return (
    // Focusable so keyboard users can scroll a long table (axe: scrollable-region-focusable).
    <ScrollArea.Autosize mah={360} type="auto" viewportProps={{ tabIndex: 0, 'aria-label': label }}>
      <Table id={id} striped highlightOnHover stickyHeader fz="sm" verticalSpacing="xs">
        {showCaption ? (
          <Table.Caption>{label}</Table.Caption>
        ) : (
          <Table.Caption
            style={{
              position: 'absolute',
              width: 1,
              height: 1,
              overflow: 'hidden',
              clip: 'rect(0 0 0 0)',
            }}
          >
            {label}
          </Table.Caption>
        )}
        <Table.Thead>
          <Table.Tr>
            {dataset.columns.map((c) => (
              <Table.Th key={c.header} scope="col">
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dataset.table.map((row, i) => (
            <Table.Tr key={i}>
              {dataset.columns.map((c, j) => (
                <Table.Td key={c.header}>{renderCell?.(row, j) ?? c.value(row) ?? '—'}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
