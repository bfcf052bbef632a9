// Beside QC's "Certificate matches stone": each certified stone allocated to the order against
// the certificate attached, as the database compares them (match, mismatch, missing, or a
// certificate for a stone not on this order). The database refuses passing the item unless all
// match (LP116), so QC sees why here before pressing Pass.
import { Alert, Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { toAppError } from '../../../lib/errors';
import { stoneQueries } from '../api/stone-queries';
import type { StoneCertificateCheck } from '../api/stone-certificate-checks-query';

const verdicts: Record<string, { label: string; color: string }> = {
  match: { label: 'Match', color: 'teal.9' },
  mismatch: { label: 'Mismatch', color: 'red.9' },
  missing: { label: 'No certificate', color: 'orange.9' },
  unallocated: { label: 'Stone not on this order', color: 'red.9' },
};

function side(lab: string | null, number: string | null, none: string) {
  return lab && number ? `${lab} ${number}` : none;
}

function CheckRow({ check }: { check: StoneCertificateCheck }) {
  const verdict = verdicts[check.status ?? ''] ?? { label: check.status, color: 'gray.7' };
  const stone = side(check.stone_lab, check.stone_report_number, 'no allocated stone');
  const cert = side(check.certificate_lab, check.certificate_report_number, 'no certificate');
  return (
    <Group
      gap="xs"
      wrap="wrap"
      component="li"
      aria-label={`Stone ${stone}, certificate ${cert}: ${verdict.label}`}
    >
      <Text size="sm">
        Stone{' '}
        <Text span ff="monospace">
          {stone}
        </Text>{' '}
        · certificate{' '}
        <Text span ff="monospace">
          {cert}
        </Text>
      </Text>
      <Badge variant="outline" color={verdict.color}>
        {verdict.label}
      </Badge>
    </Group>
  );
}

export function CertificateStoneCheck({ orderId }: { orderId: string }) {
  const checks = useQuery(stoneQueries.certificateChecks(orderId));
  if (checks.isPending) return <Skeleton h={24} aria-label="Comparing certificates and stones" />;
  if (checks.isError)
    return (
      <Alert color="red" role="alert" p="xs">
        {toAppError(checks.error).message}
      </Alert>
    );
  if (checks.data.length === 0)
    return (
      <Text size="sm" c="gray.7">
        No certified stone is allocated to this order and no certificate is attached.
      </Text>
    );
  return (
    <Stack
      gap={4}
      component="ul"
      aria-label="Certificate against stone"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {checks.data.map((c) => (
        <CheckRow key={`${c.allocation_id ?? ''}-${c.certificate_id ?? ''}`} check={c} />
      ))}
    </Stack>
  );
}
