// The rear camera and its decode loop. The camera needs a secure page (https, or localhost):
// elsewhere the panel says so and the wedge/manual field below still works.
import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Group, Text } from '@mantine/core';
import { IconCamera, IconCameraOff } from '@tabler/icons-react';
import { startDecodeLoop } from '../lib/decode-loop';
import { createQrDetector, type QrEngine } from '../lib/qr-detector';

type CameraPanelProps = {
  /** Every text read from a frame; the view decides what it means. */
  onRead: (text: string) => void;
  /** A card is open below: a shorter preview keeps the card's buttons on a portrait screen. */
  compact?: boolean;
};

type CameraState =
  | { status: 'off' }
  | { status: 'starting' }
  | { status: 'on'; engine: QrEngine }
  | { status: 'error'; message: string };

function cameraMessage(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return 'The camera is blocked. Allow it in the browser’s site settings, or type or scan the code below.';
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') {
    return 'No camera was found on this device. Type or scan the code below.';
  }
  if (name === 'NotReadableError') {
    return 'Another app is using the camera. Close it and turn the camera on again.';
  }
  return error instanceof Error
    ? `The camera did not start: ${error.message}`
    : 'The camera did not start.';
}

export function CameraPanel({ onRead, compact = false }: CameraPanelProps) {
  const video = useRef<HTMLVideoElement>(null);
  const [enabled, setEnabled] = useState(true);
  const [state, setState] = useState<CameraState>({ status: 'starting' });
  const onReadRef = useRef(onRead);
  useEffect(() => {
    onReadRef.current = onRead;
  }, [onRead]);
  // getUserMedia exists only on a secure page (https, or localhost).
  const secure = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
  const shown: CameraState = !secure
    ? {
        status: 'error',
        message:
          'The camera needs a secure address (https, or localhost). Type or scan the code below.',
      }
    : !enabled
      ? { status: 'off' }
      : state;

  useEffect(() => {
    if (!enabled || !secure) return;
    let cancelled = false;
    let stream: MediaStream | null = null;
    let loop: { stop: () => void } | null = null;
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          audio: false,
          video: {
            facingMode: { ideal: 'environment' },
            width: { ideal: 1280 },
            height: { ideal: 720 },
          },
        });
        if (cancelled) return;
        const el = video.current!;
        el.srcObject = stream;
        await el.play().catch(() => undefined);
        const { detector, engine } = await createQrDetector();
        if (cancelled) return;
        setState({ status: 'on', engine });
        loop = startDecodeLoop({
          detect: () =>
            el.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA
              ? detector.detect(el)
              : Promise.resolve([]),
          onCodes: (codes) => codes.forEach((c) => onReadRef.current(c)),
        });
      } catch (error) {
        if (!cancelled) setState({ status: 'error', message: cameraMessage(error) });
      }
    })();
    return () => {
      cancelled = true;
      loop?.stop();
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [enabled, secure]);

  return (
    <Box>
      <Box
        pos="relative"
        bg="dark.8"
        style={{
          borderRadius: 'var(--mantine-radius-md)',
          overflow: 'hidden',
          aspectRatio: compact ? '16 / 9' : '4 / 3',
          maxHeight: compact ? '24dvh' : undefined,
        }}
        hidden={!enabled || shown.status === 'error'}
      >
        <video
          ref={video}
          muted
          playsInline
          aria-label="Camera view: hold the ticket’s QR code in the frame"
          style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
        />
      </Box>
      {shown.status === 'error' && (
        <Alert color="yellow" title="Camera" role="status">
          {shown.message}
        </Alert>
      )}
      <Group justify="space-between" mt="xs">
        <Text size="sm" c="dimmed" aria-live="polite">
          {shown.status === 'starting' && 'Starting the camera…'}
          {shown.status === 'on' && 'Camera on: hold the ticket’s QR code in the frame.'}
          {shown.status === 'off' && 'Camera off.'}
        </Text>
        <Button
          variant="default"
          mih={48}
          leftSection={
            enabled ? <IconCameraOff size={18} aria-hidden /> : <IconCamera size={18} aria-hidden />
          }
          onClick={() => {
            setState({ status: 'starting' });
            setEnabled((v) => !v);
          }}
        >
          {enabled ? 'Turn camera off' : 'Turn camera on'}
        </Button>
      </Group>
    </Box>
  );
}
