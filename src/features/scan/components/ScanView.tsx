// /scan: the bench's scanning screen, built for a 10" tablet in portrait. Three ways in — the
// camera, a keyboard-wedge scanner (types the code and Enter into the focused field) and a
// person typing — and one way out: a recognised ticket of an existing order opens its bench
// card, with a beep and a buzz. A foreign or unknown code says so and changes nothing.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { parseScannedCode } from '../../../lib/order-link';
import { toAppError } from '../../../lib/errors';
import { scanQueries } from '../api/scan-queries';
import { goodScanFeedback } from '../lib/feedback';
import type { StaffRole } from '../lib/bench-actions';
import { BenchCard, type LogWeightsSlotProps } from './BenchCard';
import { CameraPanel } from './CameraPanel';

type ScanViewProps = {
  role: StaffRole;
  /** The order whose card is open (kept in the URL by the route). */
  code: string | null;
  onOpen: (code: string) => void;
  /** App addresses whose ticket links count as ours. */
  origins: readonly string[];
  renderLogWeights?: (props: LogWeightsSlotProps) => ReactNode;
};

/** The same QR stays in front of the camera for seconds; it counts once per this many ms. */
const REPEAT_MS = 3_000;

export function ScanView({ role, code, onOpen, origins, renderLogWeights }: ScanViewProps) {
  const queryClient = useQueryClient();
  const [entry, setEntry] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const last = useRef<{ text: string; at: number } | null>(null);

  const handle = useCallback(
    async (raw: string, source: 'camera' | 'typed') => {
      const now = Date.now();
      if (source === 'camera' && last.current?.text === raw && now - last.current.at < REPEAT_MS)
        return;
      last.current = { text: raw, at: now };
      const parsed = parseScannedCode(raw, origins);
      if (parsed.kind === 'refused') {
        setRefusal(parsed.message);
        return;
      }
      if (source === 'camera' && parsed.code === code) return;
      setChecking(true);
      try {
        // The card opens only for an order that exists and this person may see.
        await queryClient.fetchQuery(scanQueries.benchOrder(parsed.code));
        setRefusal(null);
        goodScanFeedback();
        onOpen(parsed.code);
      } catch (error) {
        const e = toAppError(error);
        setRefusal(
          e.code === 'PT404'
            ? `There is no order ${parsed.code} in Loupe, or you cannot see it.`
            : e.message,
        );
      } finally {
        setChecking(false);
      }
    },
    [code, onOpen, origins, queryClient],
  );

  // A wedge scanner types wherever the focus is: after a tap on the card, the next keystrokes
  // are sent back to the scan field rather than lost.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (!target || target === input.current) return;
      if (target.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]'))
        return;
      if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) input.current?.focus();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const submit = () => {
    const text = entry;
    setEntry('');
    void handle(text, 'typed');
  };

  return (
    <Stack gap="md">
      <CameraPanel compact={code !== null} onRead={(text) => void handle(text, 'camera')} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            ref={input}
            flex={1}
            size="lg"
            label="Order code or ticket link"
            description="A scanner types here; or type the code, e.g. LP-2026-0042, and press Enter."
            value={entry}
            onChange={(e) => setEntry(e.currentTarget.value)}
            autoFocus
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
          <Button type="submit" size="lg" h={50} loading={checking}>
            Open
          </Button>
        </Group>
      </form>
      {refusal && (
        <Alert
          color="red"
          title="This code does not open an order"
          role="alert"
          withCloseButton
          onClose={() => setRefusal(null)}
        >
          {refusal}
        </Alert>
      )}
      {code && <BenchCard code={code} role={role} renderLogWeights={renderLogWeights} />}
    </Stack>
  );
}
