// The certificate form's checks, the same rules as public.certificates (migration
// 20261123101000_create_certificates.sql): report numbers per lab, normalised the way the
// database stores them, and the grading scales. Checking here lets QC fix a typo before the
// file is uploaded; the database still has the last word.
import type { Enums } from '../../../types/database';
import { clarityGrades } from '../../../lib/stone-grades';

export type CertificateLab = Enums<'certificate_lab'>;

export const labs: readonly CertificateLab[] = ['GIA', 'IGI'];

/** As printed on the report: spaces and dashes dropped, upper case (the DB's trigger does the same). */
export function normaliseReportNumber(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

/** Null when the number fits the lab's format, else the sentence the database would give. */
export function reportNumberProblem(lab: CertificateLab | null, value: string): string | null {
  const n = normaliseReportNumber(value);
  if (!n) return 'Enter the report number printed on the certificate';
  if (!lab) return 'Choose the lab first';
  if (lab === 'GIA' && !/^[0-9]{10}$/.test(n)) {
    return `${n} is not a GIA report number: GIA numbers have 10 digits.`;
  }
  if (lab === 'IGI' && !/^(LG)?[0-9]{9}$/.test(n)) {
    return `${n} is not an IGI report number: IGI numbers have 9 digits, lab-grown ones start with LG.`;
  }
  return null;
}

export function colourProblem(value: string): string | null {
  const v = value.trim();
  if (!v) return 'Enter the colour grade';
  return /^([D-Z]|[D-Z]-[D-Z]|Fancy .+)$/.test(v)
    ? null
    : 'Colour is a grade from D to Z (e.g. "G" or "G-H"), or "Fancy …" for coloured stones';
}

export function caratProblem(value: number | string | null | undefined): string | null {
  const n = typeof value === 'string' ? Number(value) : value;
  if (n === null || n === undefined || value === '' || Number.isNaN(n))
    return 'Enter the carat weight';
  if (n <= 0 || n >= 100) return 'Carat weight must be more than 0 and under 100';
  if (Math.round(n * 1000) !== n * 1000) return 'Carat weight has at most 3 decimals';
  return null;
}

export type CertificateDraft = {
  lab: CertificateLab | null;
  reportNumber: string;
  carat: number | string;
  colour: string;
  clarity: string | null;
  cutShape: string;
  file: File | null;
};

export type CertificateErrors = Partial<Record<keyof CertificateDraft, string>>;

/** Every field's problem at once, so the form can show them all beside their fields. */
export function validateCertificate(draft: CertificateDraft): CertificateErrors {
  const errors: CertificateErrors = {};
  if (!draft.lab) errors.lab = 'Choose the lab that graded the stone';
  const report = reportNumberProblem(draft.lab, draft.reportNumber);
  if (report && !(report === 'Choose the lab first' && errors.lab)) errors.reportNumber = report;
  const carat = caratProblem(draft.carat);
  if (carat) errors.carat = carat;
  const colour = colourProblem(draft.colour);
  if (colour) errors.colour = colour;
  if (!draft.clarity || !(clarityGrades as readonly string[]).includes(draft.clarity)) {
    errors.clarity = 'Choose the clarity grade';
  }
  if (!draft.cutShape.trim()) errors.cutShape = 'Enter the cut or shape (e.g. Round brilliant)';
  if (!draft.file) errors.file = 'Attach the report (PDF, JPEG or PNG)';
  return errors;
}
