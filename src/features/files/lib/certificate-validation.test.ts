import { describe, expect, it } from 'vitest';
import {
  caratProblem,
  colourProblem,
  normaliseReportNumber,
  reportNumberProblem,
  validateCertificate,
  type CertificateDraft,
} from './certificate-validation';

describe('report numbers per lab (same formats as the database)', () => {
  it('accepts GIA numbers of 10 digits, with the spaces people type', () => {
    expect(reportNumberProblem('GIA', '2141438171')).toBeNull();
    expect(reportNumberProblem('GIA', '2141 438 171')).toBeNull();
    expect(normaliseReportNumber(' lg-612 345 678 ')).toBe('LG612345678');
  });

  it('refuses a GIA number of the wrong length in the database words', () => {
    expect(reportNumberProblem('GIA', '214143817')).toBe(
      '214143817 is not a GIA report number: GIA numbers have 10 digits.',
    );
  });

  it('accepts IGI numbers of 9 digits, lab-grown ones prefixed LG', () => {
    expect(reportNumberProblem('IGI', '612345678')).toBeNull();
    expect(reportNumberProblem('IGI', 'lg612345678')).toBeNull();
    expect(reportNumberProblem('IGI', '2141438171')).toBe(
      '2141438171 is not an IGI report number: IGI numbers have 9 digits, lab-grown ones start with LG.',
    );
  });

  it('asks for the number and the lab', () => {
    expect(reportNumberProblem('GIA', '  ')).toBe(
      'Enter the report number printed on the certificate',
    );
    expect(reportNumberProblem(null, '2141438171')).toBe('Choose the lab first');
  });
});

describe('grading', () => {
  it('colour is D–Z, a range, or Fancy', () => {
    expect(colourProblem('G')).toBeNull();
    expect(colourProblem('G-H')).toBeNull();
    expect(colourProblem('Fancy Intense Pink')).toBeNull();
    expect(colourProblem('g')).toMatch(/from D to Z/);
    expect(colourProblem('C')).toMatch(/from D to Z/);
  });

  it('carat is positive, under 100, at most 3 decimals', () => {
    expect(caratProblem(1.01)).toBeNull();
    expect(caratProblem('0.5')).toBeNull();
    expect(caratProblem(0)).toBe('Carat weight must be more than 0 and under 100');
    expect(caratProblem(1.0125)).toBe('Carat weight has at most 3 decimals');
    expect(caratProblem('')).toBe('Enter the carat weight');
  });
});

describe('validateCertificate', () => {
  const good: CertificateDraft = {
    lab: 'GIA',
    reportNumber: '2141438171',
    carat: 1.2,
    colour: 'F',
    clarity: 'VS1',
    cutShape: 'Round brilliant',
    file: new File(['%PDF-1.7'], 'report.pdf', { type: 'application/pdf' }),
  };

  it('has nothing to say about a complete certificate', () => {
    expect(validateCertificate(good)).toEqual({});
  });

  it('names every missing field at once', () => {
    expect(
      validateCertificate({
        lab: null,
        reportNumber: '',
        carat: '',
        colour: '',
        clarity: null,
        cutShape: ' ',
        file: null,
      }),
    ).toEqual({
      lab: 'Choose the lab that graded the stone',
      reportNumber: 'Enter the report number printed on the certificate',
      carat: 'Enter the carat weight',
      colour: 'Enter the colour grade',
      clarity: 'Choose the clarity grade',
      cutShape: 'Enter the cut or shape (e.g. Round brilliant)',
      file: 'Attach the report (PDF, JPEG or PNG)',
    });
  });
});
