import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../testing/render';
import { qcDataset } from '../lib/datasets';
import { emptyReport, makeReport } from '../lib/report-fixture';
import { ChartCard } from './ChartCard';

const filters = { from: '2024-04-01', to: '2024-04-14', product: null };

afterEach(() => vi.restoreAllMocks());

describe('ChartCard', () => {
  it('is a titled region whose chart is described by its summary sentence', () => {
    renderWithProviders(
      <ChartCard
        title="QC first pass"
        units="Failures"
        dataset={qcDataset(makeReport())}
        filters={filters}
        emptyText="No runs."
      >
        <svg />
      </ChartCard>,
    );
    const region = screen.getByRole('region', { name: 'QC first pass' });
    const figure = within(region).getByRole('figure', { name: 'QC first pass' });
    expect(figure).toHaveAccessibleDescription(/^First-pass yield 67%: 2 of 3 pieces/);
  });

  it('shows and hides the data behind the chart as a table', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <ChartCard
        title="QC first pass"
        units="Failures"
        dataset={qcDataset(makeReport())}
        filters={filters}
        emptyText="No runs."
      >
        <svg />
      </ChartCard>,
    );
    expect(screen.queryByRole('table')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show data table' }));
    const table = screen.getByRole('table', { name: 'Data behind “QC first pass”' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['Checklist itemFailures', 'Stones secure2']);
    expect(screen.getByRole('button', { name: 'Hide data table' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });

  it('downloads the CSV of its data, named after the chart and range', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:csv';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('analytics-qc-first-pass-2024-04-01-to-2024-04-14.csv');
    });
    renderWithProviders(
      <ChartCard
        title="QC first pass"
        units="Failures"
        dataset={qcDataset(makeReport())}
        filters={filters}
        emptyText="No runs."
      >
        <svg />
      </ChartCard>,
    );
    await user.click(screen.getByRole('button', { name: 'Download CSV of QC first pass' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(await blobs[0]!.text()).toBe('Checklist item,Failures\r\nStones secure,2\r\n');
  });

  it('shows its empty state instead of a chart when there is nothing to draw', () => {
    renderWithProviders(
      <ChartCard
        title="QC first pass"
        units="Failures"
        dataset={qcDataset(emptyReport())}
        filters={filters}
        emptyText="No QC run finished in this range."
      >
        <svg data-testid="chart" />
      </ChartCard>,
    );
    expect(screen.queryByTestId('chart')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Show data table' })).toBeNull();
    expect(screen.getAllByText('No QC run finished in this range.').length).toBeGreaterThan(0);
  });
});
