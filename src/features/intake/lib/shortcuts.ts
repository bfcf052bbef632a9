// The triage page's keyboard shortcuts, listed once for the help overlay.
export const triageShortcuts: { keys: string[]; action: string }[] = [
  { keys: ['j'], action: 'Next request' },
  { keys: ['k'], action: 'Previous request' },
  { keys: ['a'], action: 'Assign the request to me' },
  { keys: ['c'], action: 'Confirm the specs (stops the 2 h clock)' },
  { keys: ['d'], action: 'Decline the request (asks why)' },
  { keys: ['?'], action: 'Show these shortcuts' },
];
