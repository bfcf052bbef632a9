// The certificate form: every missing field is named beside it, and a report number in the
// wrong format for its lab is explained before anything is uploaded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { renderWithProviders } from '../../../testing/render';
import { CertificateForm } from './CertificateForm';

// No handlers: any request (an upload) would fail the test.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('CertificateForm', () => {
  it('names each missing field and sends nothing', { timeout: 15_000 }, async () => {
    const user = userEvent.setup();
    renderWithProviders(<CertificateForm orderId="0a5e1000-0000-4000-8000-000000000009" />);
    await user.click(screen.getByRole('button', { name: 'Add certificate' }));
    for (const message of [
      'Choose the lab that graded the stone',
      'Enter the carat weight',
      'Enter the colour grade',
      'Choose the clarity grade',
      'Enter the cut or shape (e.g. Round brilliant)',
      'Attach the report (PDF, JPEG or PNG)',
    ]) {
      expect(screen.getByText(message)).toBeVisible();
    }
  });

  it(
    'checks the report number against the chosen lab as the database does',
    { timeout: 15_000 },
    async () => {
      const user = userEvent.setup();
      renderWithProviders(<CertificateForm orderId="0a5e1000-0000-4000-8000-000000000009" />);
      await user.click(screen.getByRole('radio', { name: 'IGI' }));
      expect(screen.getByText(/9 digits; lab-grown stones LG/)).toBeVisible();
      await user.type(screen.getByRole('textbox', { name: /Report number/ }), '2141 438 171');
      await user.click(screen.getByRole('button', { name: 'Add certificate' }));
      expect(
        screen.getByText(
          '2141438171 is not an IGI report number: IGI numbers have 9 digits, lab-grown ones start with LG.',
        ),
      ).toBeVisible();
      // Switching the lab re-checks the same number: it is a GIA number.
      await user.click(screen.getByRole('radio', { name: 'GIA' }));
      expect(screen.queryByText(/is not a/)).not.toBeInTheDocument();
    },
  );
});
