// The link just created, ready to share: its address, Copy link, and an email prepared in the
// concierge's own mail program (no recipient filled in: they pick the customer there). The
// token exists only in this answer, so this is the one place it is shown.
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconCheck, IconCopy, IconMail } from '@tabler/icons-react';
import { mailtoHref, reviewUrl, type ShareKind } from '../lib/share';

export type NewLinkShareProps = {
  token: string;
  kind: ShareKind;
  expiresAt: string;
  orderCode: string;
  productName: string | null;
  houseName: string;
  onDone: () => void;
};

export function NewLinkShare({
  token,
  kind,
  expiresAt,
  orderCode,
  productName,
  houseName,
  onDone,
}: NewLinkShareProps) {
  const clipboard = useClipboard({ timeout: 2500 });
  const url = reviewUrl(window.location.origin, token);
  const mailto = mailtoHref({ kind, url, orderCode, productName, houseName, expiresAt });
  return (
    <Alert
      color="loupe"
      variant="light"
      title={kind === 'cad_review' ? 'Review link ready to share' : 'Status link ready to share'}
    >
      <Stack gap="xs">
        <TextInput
          label="Link for the customer"
          value={url}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
        />
        <Group gap="xs">
          <Button
            leftSection={
              clipboard.copied ? (
                <IconCheck size={16} aria-hidden />
              ) : (
                <IconCopy size={16} aria-hidden />
              )
            }
            onClick={() => clipboard.copy(url)}
            mih={44}
          >
            {clipboard.copied ? 'Copied' : 'Copy link'}
          </Button>
          <Button
            component="a"
            href={mailto}
            variant="default"
            leftSection={<IconMail size={16} aria-hidden />}
            mih={44}
          >
            Email the customer
          </Button>
          <Button variant="subtle" color="gray.8" onClick={onDone} mih={44}>
            Done
          </Button>
        </Group>
        <Text size="sm" role="status" aria-live="polite">
          {clipboard.error
            ? 'This browser did not allow copying: select the link above and copy it.'
            : clipboard.copied
              ? 'Link copied.'
              : ''}
        </Text>
        <Text size="sm">
          The link is shown only now: Loupe keeps no copy of it. If it gets lost, create a new one
          (the old one then stops working).
        </Text>
      </Stack>
    </Alert>
  );
}
