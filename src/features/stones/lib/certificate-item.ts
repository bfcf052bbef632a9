// Which QC checklist line the certificate-against-stone comparison belongs to: the house's
// templates name it "Certificate matches stone", and the database's LP116 guard reads the same
// label (trimmed, any case).
export function isCertificateMatchItem(item: { label: string }): boolean {
  return item.label.trim().toLowerCase() === 'certificate matches stone';
}
