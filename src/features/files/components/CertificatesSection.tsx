// The lab certificates of an order (GIA/IGI report, grading, the report itself) and the form to
// add one. Certified pieces cannot ship without one (move_order, LP014).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { toAppError } from '../../../lib/errors';
import { filesQueries } from '../api/files-queries';
import { CertificateForm } from './CertificateForm';
import { FilePreview } from './FilePreview';

export function CertificatesSection({ orderId }: { orderId: string }) {
  const certificates = useQuery(filesQueries.certificates(orderId));
  const headingId = `certificates-${orderId}`;
  // A piece with one certified stone needs one report; the form for another waits behind a button.
  const [addingAnother, setAddingAnother] = useState(false);

  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3} size="h4" id={headingId}>
            Certificates
          </Title>
          {certificates.data && (
            <Badge variant="outline" color={certificates.data.length ? 'teal.9' : 'gray.7'}>
              {certificates.data.length === 0 ? 'None yet' : `${certificates.data.length} attached`}
            </Badge>
          )}
        </Group>
        {certificates.isPending && <Skeleton h={80} aria-label="Loading certificates" />}
        {certificates.isError && (
          <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
            <Group justify="space-between">
              <Text size="sm">{toAppError(certificates.error).message}</Text>
              <Button size="xs" variant="light" onClick={() => void certificates.refetch()}>
                Try again
              </Button>
            </Group>
          </Alert>
        )}
        {certificates.data?.length === 0 && (
          <Text size="sm" c="gray.7">
            No certificate attached. Pieces with certified stones ship only with their lab report.
          </Text>
        )}
        {certificates.data?.map((c) => (
          <Stack key={c.id} gap="xs">
            <Table
              withTableBorder
              variant="vertical"
              layout="fixed"
              aria-label={`${c.lab} report ${c.report_number}`}
            >
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={140}>Lab / report</Table.Th>
                  <Table.Td>
                    {c.lab} {c.report_number}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Carat</Table.Th>
                  <Table.Td>{Number(c.carat).toFixed(2)} ct</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Colour / clarity</Table.Th>
                  <Table.Td>
                    {c.colour} / {c.clarity}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Cut / shape</Table.Th>
                  <Table.Td>{c.cut_shape}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            {c.attachment ? (
              <FilePreview file={c.attachment} height={260} />
            ) : (
              <Text size="sm" c="gray.7">
                The report file of this certificate was removed.
              </Text>
            )}
          </Stack>
        ))}
        {certificates.data &&
          (certificates.data.length === 0 || addingAnother ? (
            <CertificateForm orderId={orderId} onAdded={() => setAddingAnother(false)} />
          ) : (
            <Group justify="flex-end">
              <Button variant="light" onClick={() => setAddingAnother(true)} mih={44}>
                Add another certificate
              </Button>
            </Group>
          ))}
      </Stack>
    </Card>
  );
}
