// The metal ledger's query factory: keys general → specific, so a new entry invalidates an
// order's ledger and the floor-wide views by prefix.
import { queryOptions } from '@tanstack/react-query';
import { fetchOrderLedgerSteps } from './ledger-steps-query';
import { fetchOrderEntries } from './metal-entries-query';
import { fetchMetalOnFloor } from './metal-on-floor-query';
import { fetchOpenSteps } from './open-steps-query';
import { fetchFlaggedSteps } from './flagged-steps-query';
import { fetchLossNorms } from './loss-norms-query';
import { fetchStepSettings } from './step-settings-query';
import { fetchMetalLossReport } from './metal-loss-report-query';

export const metalLedgerQueries = {
  all: () => ['metal-ledger'] as const,
  order: (orderId: string) => [...metalLedgerQueries.all(), 'order', orderId] as const,
  orderSteps: (orderId: string) =>
    queryOptions({
      queryKey: [...metalLedgerQueries.order(orderId), 'steps'],
      queryFn: () => fetchOrderLedgerSteps(orderId),
    }),
  orderEntries: (orderId: string) =>
    queryOptions({
      queryKey: [...metalLedgerQueries.order(orderId), 'entries'],
      queryFn: () => fetchOrderEntries(orderId),
    }),
  floor: () => [...metalLedgerQueries.all(), 'floor'] as const,
  onFloor: () =>
    queryOptions({
      queryKey: [...metalLedgerQueries.floor(), 'holdings'],
      queryFn: fetchMetalOnFloor,
    }),
  openSteps: () =>
    queryOptions({ queryKey: [...metalLedgerQueries.floor(), 'open'], queryFn: fetchOpenSteps }),
  flagged: () =>
    queryOptions({
      queryKey: [...metalLedgerQueries.floor(), 'flagged'],
      queryFn: () => fetchFlaggedSteps(),
    }),
  settings: () => [...metalLedgerQueries.all(), 'settings'] as const,
  norms: () =>
    queryOptions({
      queryKey: [...metalLedgerQueries.settings(), 'norms'],
      queryFn: fetchLossNorms,
    }),
  stepSettings: () =>
    queryOptions({
      queryKey: [...metalLedgerQueries.settings(), 'steps'],
      queryFn: fetchStepSettings,
    }),
  lossReport: (from: string, to: string) =>
    queryOptions({
      queryKey: [...metalLedgerQueries.all(), 'loss-report', from, to],
      queryFn: () => fetchMetalLossReport(from, to),
    }),
};
