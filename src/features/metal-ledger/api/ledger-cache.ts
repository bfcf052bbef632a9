// How a logged weight reaches the cache: the step's running totals move at once (optimistic),
// go back if the database refuses, and the order's ledger and the floor-wide views re-read once
// the database has answered (it computes loss, % and the flag; the client never guesses them).
import type { QueryClient } from '@tanstack/react-query';
import { addGrams, type ProductionStepKind } from '../lib/grams';
import { metalLedgerQueries } from './metal-ledger-queries';
import type { LedgerStep } from './ledger-steps-query';

export type StepDelta = { issued?: number; returned?: number; recovered?: number };

export async function applyStepDelta(
  queryClient: QueryClient,
  orderId: string,
  step: ProductionStepKind,
  delta: StepDelta,
) {
  const key = metalLedgerQueries.orderSteps(orderId).queryKey;
  await queryClient.cancelQueries({ queryKey: key });
  const previous = queryClient.getQueryData<LedgerStep[]>(key);
  queryClient.setQueryData<LedgerStep[]>(key, (steps) =>
    steps?.map((s) =>
      s.step === step
        ? {
            ...s,
            issued_grams: addGrams(s.issued_grams, delta.issued),
            returned_grams: addGrams(s.returned_grams, delta.returned),
            recovered_grams: addGrams(s.recovered_grams, delta.recovered),
            balance_grams: addGrams(
              s.balance_grams,
              delta.issued,
              -(delta.returned ?? 0),
              -(delta.recovered ?? 0),
            ),
          }
        : s,
    ),
  );
  return { previous };
}

export function rollbackSteps(
  queryClient: QueryClient,
  orderId: string,
  previous: LedgerStep[] | undefined,
) {
  if (previous) queryClient.setQueryData(metalLedgerQueries.orderSteps(orderId).queryKey, previous);
}

export function refreshAfterEntry(queryClient: QueryClient, orderId: string) {
  void queryClient.invalidateQueries({ queryKey: metalLedgerQueries.order(orderId) });
  void queryClient.invalidateQueries({ queryKey: metalLedgerQueries.floor() });
}
