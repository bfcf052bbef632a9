// QC checklist templates, one per product type: the items QC works through in order. Managers
// add items, move them up or down, mark them required or needing a photo, and remove them.
// A change applies to QC runs started afterwards (a run copies the checklist when it starts).
import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Skeleton,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { toAppError } from '../../../lib/errors';
import { settingsQueries } from '../api/settings-queries';
import type { QcTemplate } from '../api/qc-templates-query';
import {
  useAddQcItem,
  useRemoveQcItem,
  useReorderQcItems,
  useUpdateQcItemFlags,
} from '../api/qc-item-mutations';
import { productLabels } from '../lib/labels';
import { moveItem } from '../lib/reorder';
import { validateChecklistLabel } from '../lib/validation';

export function QcTemplatesPanel() {
  const templates = useQuery(settingsQueries.qcTemplates());
  const [active, setActive] = useState<string | null>(null);
  if (templates.isPending) return <Skeleton h={360} />;
  if (templates.isError)
    return (
      <Alert
        color="red"
        icon={<IconAlertTriangle aria-hidden />}
        title="Checklists could not be loaded"
      >
        {toAppError(templates.error).message}
      </Alert>
    );
  if (templates.data.length === 0) return <Text c="dimmed">No QC checklists exist yet.</Text>;
  const current = active ?? templates.data[0]!.id;
  return (
    <Tabs value={current} onChange={setActive} variant="pills">
      <Tabs.List aria-label="Checklist for">
        {templates.data.map((t) => (
          <Tabs.Tab key={t.id} value={t.id} mih={44}>
            {productLabels[t.product]}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {templates.data.map((t) => (
        <Tabs.Panel key={t.id} value={t.id} pt="md">
          <ChecklistEditor template={t} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

function ChecklistEditor({ template }: { template: QcTemplate }) {
  const flags = useUpdateQcItemFlags();
  const remove = useRemoveQcItem();
  const reorder = useReorderQcItems();
  const items = template.items;
  const move = (index: number, delta: -1 | 1) => {
    const next = moveItem(
      items.map((i) => i.id),
      index,
      delta,
    );
    if (next) reorder.mutate({ templateId: template.id, itemIds: next });
  };
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {template.name}
      </Title>
      {items.length === 0 && <Text c="dimmed">No items yet: add the first check below.</Text>}
      <Stack
        gap="xs"
        component="ol"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={`${template.name} checklist`}
      >
        {items.map((item, index) => (
          <Paper key={item.id} withBorder p="xs" component="li">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Group gap="sm" wrap="nowrap">
                <Text c="dimmed" w={24} ta="right" aria-hidden>
                  {index + 1}.
                </Text>
                <Text fw={500}>{item.label}</Text>
              </Group>
              <Group gap="md" wrap="wrap">
                <Checkbox
                  label="Required"
                  checked={item.required}
                  onChange={(e) => flags.mutate({ id: item.id, required: e.currentTarget.checked })}
                  aria-label={`${item.label}: required`}
                  size="md"
                />
                <Checkbox
                  label="Needs photo"
                  checked={item.needs_photo}
                  onChange={(e) =>
                    flags.mutate({ id: item.id, needs_photo: e.currentTarget.checked })
                  }
                  aria-label={`${item.label}: needs photo`}
                  size="md"
                />
                <Group gap={4}>
                  <ActionIcon
                    variant="default"
                    size={44}
                    disabled={index === 0 || reorder.isPending}
                    onClick={() => move(index, -1)}
                    aria-label={`Move ${item.label} up`}
                  >
                    <IconArrowUp size={18} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    size={44}
                    disabled={index === items.length - 1 || reorder.isPending}
                    onClick={() => move(index, 1)}
                    aria-label={`Move ${item.label} down`}
                  >
                    <IconArrowDown size={18} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size={44}
                    onClick={() => remove.mutate(item.id)}
                    aria-label={`Remove ${item.label}`}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      <AddChecklistItem template={template} />
    </Stack>
  );
}

function AddChecklistItem({ template }: { template: QcTemplate }) {
  const add = useAddQcItem();
  const [label, setLabel] = useState('');
  const [required, setRequired] = useState(true);
  const [needsPhoto, setNeedsPhoto] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const error = validateChecklistLabel(label);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSubmitted(true);
        if (error) return;
        const position = Math.max(0, ...template.items.map((i) => i.position)) + 1;
        add.mutate(
          {
            item: { template_id: template.id, label, required, needs_photo: needsPhoto },
            position,
          },
          {
            onSuccess: () => {
              setLabel('');
              setNeedsPhoto(false);
              setRequired(true);
              setSubmitted(false);
            },
          },
        );
      }}
    >
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label="New check"
          placeholder="e.g. Clasp closes firmly"
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          error={submitted ? error : undefined}
          maxLength={80}
          size="md"
          w={320}
        />
        <Checkbox
          label="Required"
          checked={required}
          onChange={(e) => setRequired(e.currentTarget.checked)}
          size="md"
          mt={36}
        />
        <Checkbox
          label="Needs photo"
          checked={needsPhoto}
          onChange={(e) => setNeedsPhoto(e.currentTarget.checked)}
          size="md"
          mt={36}
        />
        <Button type="submit" size="md" mt={28} loading={add.isPending}>
          Add check
        </Button>
      </Group>
      {add.isError && (
        <Text c="red" size="sm" role="alert" mt="xs">
          {toAppError(add.error).message}
        </Text>
      )}
    </form>
  );
}
