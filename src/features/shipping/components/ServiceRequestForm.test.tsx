// After-sales as a stylist logs it: whether the resize is free is shown while typing (first
// resize, within 30 days, ±2 sizes), sizes are checked, and a care request needs its kind.
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../testing/render';
import { ServiceRequestForm } from './ServiceRequestForm';
import { ShipmentForm } from './ShipmentForm';

const now = new Date('2026-11-23T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

function setup(props: { deliveredAt: string | null; earlierResizes: number }) {
  const onSubmit = vi.fn();
  renderWithProviders(
    <ServiceRequestForm
      ringSize={6.5}
      pending={false}
      error={null}
      onSubmit={onSubmit}
      now={now}
      {...props}
    />,
  );
  return { onSubmit, user: userEvent.setup() };
}

describe('ServiceRequestForm', () => {
  it('shows a first resize within 30 days as free and sends the sizes', async () => {
    const { onSubmit, user } = setup({ deliveredAt: daysAgo(12), earlierResizes: 0 });
    await user.type(screen.getByRole('textbox', { name: 'New size' }), '7');
    expect(screen.getByText('Free resize')).toBeVisible();
    expect(screen.getByText('Free: first resize, delivered 12 days ago.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Log resize' }));
    expect(onSubmit).toHaveBeenCalledWith({ kind: 'resize', fromSize: 6.5, toSize: 7, note: '' });
  });

  it('shows a second resize as billed, and says why', () => {
    setup({ deliveredAt: daysAgo(3), earlierResizes: 1 });
    expect(screen.getByText('Billed resize')).toBeVisible();
    expect(screen.getByText('Billed: the free resize has already been used.')).toBeVisible();
  });

  it('shows a resize after 30 days as billed', () => {
    setup({ deliveredAt: daysAgo(40), earlierResizes: 0 });
    expect(
      screen.getByText('Billed: delivered 40 days ago, past the 30-day free window.'),
    ).toBeVisible();
  });

  it('asks for a new size in quarter steps before sending anything', async () => {
    const { onSubmit, user } = setup({ deliveredAt: daysAgo(1), earlierResizes: 0 });
    await user.click(screen.getByRole('button', { name: 'Log resize' }));
    expect(screen.getByText('Enter the new size.')).toBeVisible();
    await user.type(screen.getByRole('textbox', { name: 'New size' }), '7.1');
    await user.click(screen.getByRole('button', { name: 'Log resize' }));
    expect(screen.getByText('The new size goes in quarter sizes (e.g. 6.25).')).toBeVisible();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('needs the kind of care for a care request', async () => {
    const { onSubmit, user } = setup({ deliveredAt: daysAgo(1), earlierResizes: 0 });
    await user.click(screen.getByText('Care request'));
    await user.click(screen.getByRole('button', { name: 'Log care request' }));
    expect(screen.getByText('Choose the kind of care.')).toBeVisible();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('ShipmentForm', () => {
  it('checks the carrier and tracking number like the database does', async () => {
    const onSubmit = vi.fn();
    renderWithProviders(<ShipmentForm pending={false} error={null} onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add shipment' }));
    expect(screen.getByText('Choose the carrier.')).toBeVisible();
    expect(screen.getByText('Enter the tracking number.')).toBeVisible();

    await user.type(screen.getByRole('textbox', { name: /Tracking number/ }), '1z 999');
    await user.click(screen.getByRole('button', { name: 'Add shipment' }));
    expect(screen.getByText('A tracking number has 8 to 40 letters and digits.')).toBeVisible();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
