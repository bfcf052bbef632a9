// The dropzone as QC uses it: a file that is too large, of the wrong type, or whose contents
// are not what its name says is explained and never handed on; a good one is.
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../testing/render';
import { FileDropzone } from './FileDropzone';

const pdfBytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n');
const pngBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

function setup() {
  const onFile = vi.fn();
  renderWithProviders(
    <FileDropzone bucket="certificates" label="Certificate file" onFile={onFile} />,
  );
  return {
    onFile,
    user: userEvent.setup({ applyAccept: false }),
    input: screen.getByLabelText('Certificate file'),
  };
}

describe('FileDropzone', () => {
  it('says what the bucket takes', () => {
    setup();
    expect(screen.getByText('PDF, JPEG or PNG, up to 20 MB')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Choose certificate file' })).toBeInTheDocument();
  });

  it('hands on a file that passes every check', async () => {
    const { onFile, user, input } = setup();
    const file = new File([pdfBytes], 'report.pdf', { type: 'application/pdf' });
    await user.upload(input, file);
    await waitFor(() => expect(onFile).toHaveBeenCalledWith(file));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('refuses a file over the bucket limit with its size and the limit', async () => {
    const { onFile, user, input } = setup();
    const file = new File([pdfBytes], 'scan.pdf', { type: 'application/pdf' });
    Object.defineProperty(file, 'size', { value: 26 * 1024 * 1024 });
    await user.upload(input, file);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'scan.pdf is 26 MB. A certificate can be at most 20 MB.',
    );
    expect(onFile).not.toHaveBeenCalled();
  });

  it('refuses a type the bucket does not take', async () => {
    const { onFile, user, input } = setup();
    await user.upload(input, new File(['x'], 'clip.mp4', { type: 'video/mp4' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'clip.mp4 is a MP4 file. A certificate must be PDF, JPEG or PNG.',
    );
    expect(onFile).not.toHaveBeenCalled();
  });

  it('refuses a renamed file by its first bytes', async () => {
    const { onFile, user, input } = setup();
    await user.upload(input, new File([pngBytes], 'report.pdf', { type: 'application/pdf' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'report.pdf is named as PDF but its contents are PNG.',
    );
    expect(onFile).not.toHaveBeenCalled();
  });
});
