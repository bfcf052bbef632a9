// Every entry of an order's ledger, oldest first, with who weighed it and when. An entry a
// correction replaced is struck through (it no longer counts); a correction says why. The
// workshop corrects an entry here: a new entry with a reason, never an edit.
import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { toAppError } from '../../../lib/errors';
import { metalLedgerQueries } from '../api/metal-ledger-queries';
import { useCorrectMetalEntry } from '../api/metal-entry-correct-mutation';
import type { MetalEntry } from '../api/metal-entries-query';
import { countingEntryIds } from '../lib/entries';
import { formatGrams, gramsProblem, stepLabels } from '../lib/grams';
import { ScrollRegion } from './ScrollRegion';

export function LedgerEntries({ orderId, canCorrect }: { orderId: string; canCorrect: boolean }) {
  const entries = useQuery(metalLedgerQueries.orderEntries(orderId));
  const [correcting, setCorrecting] = useState<MetalEntry | null>(null);

  if (entries.isPending) return null;
  if (entries.isError) {
    return (
      <Alert color="red" title="The ledger entries did not load">
        {entries.error.message}
      </Alert>
    );
  }
  if (entries.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No metal logged for this order yet.
      </Text>
    );
  }
  const counting = countingEntryIds(entries.data);
  const numberOf = new Map(entries.data.map((e, i) => [e.id, i + 1]));

  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Entries
      </Title>
      <ScrollRegion label="Ledger entries table" minWidth={640}>
        <Table verticalSpacing={4} aria-label="Ledger entries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Step</Table.Th>
              <Table.Th>Entry</Table.Th>
              <Table.Th ta="right">Grams</Table.Th>
              <Table.Th ta="right">Recovered</Table.Th>
              {canCorrect && <Table.Th aria-label="Correct" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.data.map((e) => {
              const replaced = !counting.has(e.id);
              return (
                <Table.Tr key={e.id} c={replaced ? 'dimmed' : undefined}>
                  <Table.Td>{numberOf.get(e.id)}</Table.Td>
                  <Table.Td>{new Date(e.recorded_at).toLocaleString()}</Table.Td>
                  <Table.Td>{e.person?.display_name ?? '—'}</Table.Td>
                  <Table.Td>{stepLabels[e.step]}</Table.Td>
                  <Table.Td>
                    {e.corrects_id
                      ? `Correction of #${numberOf.get(e.corrects_id) ?? '?'}: ${e.reason ?? ''}`
                      : e.kind === 'issue'
                        ? 'Issued'
                        : 'Returned'}
                    {replaced && ' (replaced)'}
                  </Table.Td>
                  <Table.Td ta="right" td={replaced ? 'line-through' : undefined}>
                    {formatGrams(e.grams)}
                  </Table.Td>
                  <Table.Td ta="right" td={replaced ? 'line-through' : undefined}>
                    {e.kind === 'return' ? formatGrams(e.recovered_grams) : '—'}
                  </Table.Td>
                  {canCorrect && (
                    <Table.Td>
                      {!e.corrects_id && (
                        <Button
                          size="compact-sm"
                          mih={44}
                          variant="subtle"
                          onClick={() => setCorrecting(e)}
                          aria-label={`Correct entry ${numberOf.get(e.id)}`}
                        >
                          Correct
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      {correcting && (
        <CorrectionForm
          key={correcting.id}
          orderId={orderId}
          entry={correcting}
          number={numberOf.get(correcting.id) ?? 0}
          onClose={() => setCorrecting(null)}
        />
      )}
    </Stack>
  );
}

function CorrectionForm({
  orderId,
  entry,
  number,
  onClose,
}: {
  orderId: string;
  entry: MetalEntry;
  number: number;
  onClose: () => void;
}) {
  const correct = useCorrectMetalEntry();
  const [grams, setGrams] = useState<number | string>(entry.grams);
  const [recovered, setRecovered] = useState<number | string>(entry.recovered_grams);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const gramsError = gramsProblem(grams, true);
  const recoveredError = entry.kind === 'return' ? gramsProblem(recovered, true) : null;
  const reasonError = reason.trim() ? null : 'Say why the weight is corrected.';

  return (
    <form
      aria-label={`Correct entry ${number}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (gramsError || recoveredError || reasonError) return;
        correct.mutate(
          {
            orderId,
            entryId: entry.id,
            grams: Number(grams),
            recoveredGrams: entry.kind === 'return' ? Number(recovered) : 0,
            reason: reason.trim(),
          },
          { onSuccess: onClose },
        );
      }}
    >
      <Stack gap="xs">
        <Text size="sm">
          Correcting #{number} ({entry.kind === 'issue' ? 'issued' : 'returned'},{' '}
          {stepLabels[entry.step].toLowerCase()}). The original stays in the ledger; the correction
          counts instead. 0 g voids an entry logged by mistake.
        </Text>
        <Group grow align="flex-start">
          <NumberInput
            label={entry.kind === 'issue' ? 'Grams issued' : 'Piece returned (g)'}
            value={grams}
            onChange={setGrams}
            decimalScale={2}
            min={0}
            allowNegative={false}
            hideControls
            size="md"
            error={touched ? gramsError : null}
          />
          {entry.kind === 'return' && (
            <NumberInput
              label="Scrap and sprue recovered (g)"
              value={recovered}
              onChange={setRecovered}
              decimalScale={2}
              min={0}
              allowNegative={false}
              hideControls
              size="md"
              error={touched ? recoveredError : null}
            />
          )}
        </Group>
        <TextInput
          label="Reason"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
          size="md"
          error={touched ? reasonError : null}
        />
        {correct.error && (
          <Alert color="red" role="alert" title="Not corrected">
            {toAppError(correct.error).message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" mih={44} onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" mih={44} loading={correct.isPending}>
            Log correction
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
