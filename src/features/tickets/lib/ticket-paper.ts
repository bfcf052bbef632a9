// The two ticket papers the house prints on. Apart from the PDF builder so the "Print tickets"
// menu can list them without loading pdf-lib (it loads on the first print).
export type TicketPaper = 'a6' | 'half_letter';

/** Page sizes in PDF points (1/72 in). */
export const paperSizes: Record<TicketPaper, { width: number; height: number; label: string }> = {
  a6: { width: 297.64, height: 419.53, label: 'A6 (105 × 148 mm)' },
  half_letter: { width: 396, height: 612, label: 'US half-letter (5.5 × 8.5 in)' },
};
