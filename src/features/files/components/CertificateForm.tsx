// The form QC fills in from the lab report: lab, report number (checked per lab as the database
// does), carat, colour, clarity, cut/shape, and the report file itself.
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  CloseButton,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconFileCheck } from '@tabler/icons-react';
import { FileDropzone, type UploadProgress } from '../../../components/FileDropzone';
import { toAppError } from '../../../lib/errors';
import { useAddCertificateMutation } from '../api/certificate-add-mutation';
import { clarityGrades } from '../../../lib/stone-grades';
import {
  labs,
  validateCertificate,
  type CertificateDraft,
  type CertificateErrors,
  type CertificateLab,
} from '../lib/certificate-validation';

const empty: CertificateDraft = {
  lab: null,
  reportNumber: '',
  carat: '',
  colour: '',
  clarity: null,
  cutShape: '',
  file: null,
};

const labHints: Record<CertificateLab, string> = {
  GIA: '10 digits, e.g. 2141438171',
  IGI: '9 digits; lab-grown stones LG + 9 digits, e.g. LG612345678',
};

export function CertificateForm({ orderId, onAdded }: { orderId: string; onAdded?: () => void }) {
  const [draft, setDraft] = useState<CertificateDraft>(empty);
  const [errors, setErrors] = useState<CertificateErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const add = useAddCertificateMutation();

  function change<K extends keyof CertificateDraft>(key: K, value: CertificateDraft[K]) {
    const next = { ...draft, [key]: value };
    setDraft(next);
    // After a first attempt, messages follow the typing so a fixed field clears at once.
    if (submitted) setErrors(validateCertificate(next));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    const found = validateCertificate(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setProgress(null);
    add.mutate(
      {
        orderId,
        lab: draft.lab!,
        reportNumber: draft.reportNumber,
        carat: Number(draft.carat),
        colour: draft.colour,
        clarity: draft.clarity!,
        cutShape: draft.cutShape,
        file: draft.file!,
        onProgress: setProgress,
      },
      {
        onSuccess: () => {
          setDraft(empty);
          setErrors({});
          setSubmitted(false);
          onAdded?.();
        },
      },
    );
  }

  const busy = add.isPending;
  return (
    <Paper
      withBorder
      p="md"
      radius="sm"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label="Add a certificate"
    >
      <Stack gap="sm">
        <Radio.Group
          label="Lab"
          value={draft.lab ?? ''}
          onChange={(v) => change('lab', v as CertificateLab)}
          error={errors.lab}
          withAsterisk
        >
          <Group mt={4}>
            {labs.map((lab) => (
              <Radio key={lab} value={lab} label={lab} disabled={busy} />
            ))}
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="Report number"
            description={draft.lab ? labHints[draft.lab] : 'Choose the lab to see its format'}
            value={draft.reportNumber}
            onChange={(e) => change('reportNumber', e.currentTarget.value)}
            error={errors.reportNumber}
            withAsterisk
            disabled={busy}
            autoComplete="off"
          />
          <NumberInput
            label="Carat"
            value={draft.carat}
            onChange={(v) => change('carat', v)}
            error={errors.carat}
            decimalScale={3}
            min={0}
            max={99.999}
            step={0.01}
            hideControls
            withAsterisk
            disabled={busy}
          />
          <TextInput
            label="Colour"
            description="D–Z, a range like G-H, or Fancy …"
            value={draft.colour}
            onChange={(e) => change('colour', e.currentTarget.value)}
            error={errors.colour}
            withAsterisk
            disabled={busy}
          />
          <NativeSelect
            label="Clarity"
            value={draft.clarity ?? ''}
            onChange={(e) => change('clarity', e.currentTarget.value || null)}
            data={[
              { value: '', label: 'Choose…' },
              ...clarityGrades.map((g) => ({ value: g, label: g })),
            ]}
            error={errors.clarity}
            withAsterisk
            disabled={busy}
          />
          <TextInput
            label="Cut / shape"
            placeholder="Round brilliant"
            value={draft.cutShape}
            onChange={(e) => change('cutShape', e.currentTarget.value)}
            error={errors.cutShape}
            withAsterisk
            disabled={busy}
          />
        </SimpleGrid>
        {draft.file ? (
          <Group gap="xs" wrap="nowrap">
            <IconFileCheck size={20} aria-hidden />
            <Text size="sm" truncate="end">
              {draft.file.name}
            </Text>
            <CloseButton
              aria-label={`Remove ${draft.file.name}`}
              onClick={() => change('file', null)}
              disabled={busy}
              size="lg"
            />
          </Group>
        ) : null}
        {(!draft.file || busy) && (
          <FileDropzone
            bucket="certificates"
            label="Certificate file"
            onFile={(file) => change('file', file)}
            uploading={busy}
            progress={progress}
          />
        )}
        {errors.file && !draft.file && (
          <Text size="sm" c="red.9">
            {errors.file}
          </Text>
        )}
        {add.isError && (
          <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
            {toAppError(add.error).message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={busy} mih={44}>
            Add certificate
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
