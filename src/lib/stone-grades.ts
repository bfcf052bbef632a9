// The GIA/IGI clarity scale, as public.certificates and public.stones check it
// (20261123101000, 20261124105000): the certificate form and the stone inventory offer the same
// grades the database accepts.
export const clarityGrades = [
  'FL',
  'IF',
  'VVS1',
  'VVS2',
  'VS1',
  'VS2',
  'SI1',
  'SI2',
  'I1',
  'I2',
  'I3',
] as const;
