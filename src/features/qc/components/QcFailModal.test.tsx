// Failing QC sends the piece back as rework: the modal will not send it without a reason.
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../testing/render';
import { QcFailModal } from './QcFailModal';

// jsdom has no FontFaceSet; Mantine's autosizing Textarea listens to document.fonts.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => undefined, removeEventListener: () => undefined },
  });
}

function setup(error: unknown = null) {
  const onConfirm = vi.fn();
  renderWithProviders(
    <QcFailModal
      opened
      onClose={() => undefined}
      onConfirm={onConfirm}
      pending={false}
      error={error}
      failedLabels={['Stones secure']}
    />,
  );
  return { onConfirm, user: userEvent.setup() };
}

describe('QcFailModal', () => {
  it('asks for the rework reason before sending the piece back', { timeout: 15_000 }, async () => {
    const { onConfirm, user } = setup();
    expect(screen.getByText('Failed: Stones secure')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Send back to production' }));
    expect(screen.getByText('Say why QC is sending the piece back to production.')).toBeVisible();
    expect(onConfirm).not.toHaveBeenCalled();

    await user.click(screen.getByRole('textbox', { name: /Reason for rework/ }));
    await user.paste('  Prong lifted on the centre stone ');
    await user.click(screen.getByRole('button', { name: 'Send back to production' }));
    expect(onConfirm).toHaveBeenCalledWith('Prong lifted on the centre stone');
  });

  it("shows the database's refusal", () => {
    setup({ code: 'PT409', message: 'Order LP-2026-0001 was changed by someone else; reload it.' });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Order LP-2026-0001 was changed by someone else; reload it.',
    );
  });
});
