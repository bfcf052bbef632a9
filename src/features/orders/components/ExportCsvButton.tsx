// "Export CSV": every order of the filtered set (all pages, fetched in ranges), the visible
// columns in the table's order, as a file named after today's date.
import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { fetchAllOrders } from '../api/orders-export-query';
import { columnIds, columnLabels } from '../lib/columns';
import { toCsv } from '../lib/csv';
import { csvCell } from '../lib/order-cells';
import type { OrdersTableState } from '../lib/table-state';

const numberFormat = new Intl.NumberFormat('en-US');

function download(text: string, filename: string) {
  // A BOM so Excel reads the file as UTF-8 (accented customer names).
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function ExportCsvButton({ state }: { state: OrdersTableState }) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const exportCsv = useMutation({
    mutationFn: async () => {
      setProgress({ done: 0, total: 0 });
      const rows = await fetchAllOrders(state, (done, total) => setProgress({ done, total }));
      const columns = columnIds.filter((c) => !state.hidden.includes(c));
      const csv = toCsv(
        columns.map((c) => columnLabels[c]),
        rows.map((row) => columns.map((c) => csvCell(row, c))),
      );
      download(csv, `loupe-orders-${new Date().toISOString().slice(0, 10)}.csv`);
      return rows.length;
    },
    onSettled: () => setProgress(null),
  });
  return (
    <Button
      variant="default"
      size="md"
      leftSection={<IconDownload size={16} aria-hidden />}
      loading={exportCsv.isPending}
      loaderProps={{ type: 'dots' }}
      onClick={() => exportCsv.mutate()}
      aria-live="polite"
    >
      {progress && progress.total > 0
        ? `Exporting ${numberFormat.format(progress.done)} of ${numberFormat.format(progress.total)}…`
        : 'Export CSV'}
    </Button>
  );
}
