// Specs and intake: what is being made (product, metal, stones, size, specs), and what the
// customer asked for (budget, gift date, notes, risk flags, reference images).
import type { ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Group,
  Image,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Json } from '../../../types/database';
import { workspaceQueries } from '../api/workspace-queries';
import type { WorkspaceOrder } from '../api/order-query';
import { formatMoney, paymentMethodLabels, productLabels, riskLabels } from '../lib/labels';
import { metalLabels } from '../../../lib/order-vocabulary';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

function specEntries(specs: Json): Array<[string, string]> {
  if (!specs || typeof specs !== 'object' || Array.isArray(specs)) return [];
  return Object.entries(specs)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => [k.replace(/_/g, ' '), typeof v === 'object' ? JSON.stringify(v) : String(v)]);
}

export function SpecsSection({ data }: { data: WorkspaceOrder }) {
  const { order, intake, card } = data;
  const extra = specEntries(order.specs);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="specs-title">
      <Title order={2} size="h4" id="specs-title" mb="sm">
        Specs & intake
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        <Field label="Product">{productLabels[order.product]}</Field>
        <Field label="Metal">{metalLabels[order.metal]}</Field>
        <Field label="Stones">
          {!order.has_stones
            ? 'None'
            : order.has_certified_stones
              ? 'Certified stones'
              : (intake?.stone_preferences ?? 'Yes')}
        </Field>
        <Field label="Size">{order.ring_size ?? '—'}</Field>
        <Field label="Quote">{formatMoney(order.quote_amount, order.quote_currency)}</Field>
        <Field label="Payment">
          {order.paid_at
            ? `Paid ${new Date(order.paid_at).toLocaleDateString()}${order.payment_method ? ` · ${paymentMethodLabels[order.payment_method]}` : ''}`
            : 'Not paid yet'}
        </Field>
        {intake && (
          <Field label="Budget">{formatMoney(intake.budget_amount, intake.budget_currency)}</Field>
        )}
        {intake && (
          <Field label="Gift date">
            {intake.is_gift ? (intake.needed_by ?? 'Gift, no date given') : 'Not a gift'}
          </Field>
        )}
        {extra.map(([k, v]) => (
          <Field key={k} label={k}>
            {v}
          </Field>
        ))}
      </SimpleGrid>
      {(card?.risk_flags?.length ?? 0) > 0 && (
        <Group gap="xs" mt="sm" role="group" aria-label="Risk flags">
          {card!.risk_flags!.map((f) => (
            <Badge key={f} color="orange" variant="light">
              {riskLabels[f]}
            </Badge>
          ))}
        </Group>
      )}
      {intake?.notes && (
        <Text mt="sm" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {intake.notes}
        </Text>
      )}
      {intake ? (
        <ReferenceGallery intakeRequestId={intake.id} />
      ) : (
        <Text mt="sm" size="sm" c="dimmed">
          This order was opened without an intake request.
        </Text>
      )}
    </Paper>
  );
}

function ReferenceGallery({ intakeRequestId }: { intakeRequestId: string }) {
  const images = useQuery(workspaceQueries.references(intakeRequestId));
  return (
    <Stack gap="xs" mt="md">
      <Title order={3} size="h5">
        Reference images
      </Title>
      {images.isPending && <Loader size="sm" aria-label="Loading reference images" />}
      {images.isError && (
        <Alert color="red" title="The reference images did not load">
          {images.error.message}
        </Alert>
      )}
      {images.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          The customer sent no reference images.
        </Text>
      )}
      {images.data && images.data.length > 0 && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          {images.data.map((img) =>
            img.url ? (
              <Anchor key={img.id} href={img.url} target="_blank" rel="noreferrer">
                <Image
                  src={img.url}
                  alt={`Reference: ${img.fileName}`}
                  radius="sm"
                  h={140}
                  fit="cover"
                />
              </Anchor>
            ) : (
              <Text key={img.id} size="xs" c="red">
                {img.fileName} is missing from storage.
              </Text>
            ),
          )}
        </SimpleGrid>
      )}
    </Stack>
  );
}
