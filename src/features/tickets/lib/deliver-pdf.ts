// Handing a made PDF to the person: a new tab (the browser's viewer prints it), or a download
// when the browser blocks the tab. The object URL lives a minute, long enough for the tab to load.
export function deliverPdf(bytes: Uint8Array, fileName: string): 'opened' | 'downloaded' {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  const tab = window.open(url, '_blank');
  if (tab) return 'opened';
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  return 'downloaded';
}
