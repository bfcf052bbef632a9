// `npx tsx scripts/make-certificate-pdfs.ts`: the demo certificates' files. Builds the demo
// database in memory (migrations + seed), and for every seeded certificate writes a one-page
// report summary PDF matching its row (lab, report number, carat, colour, clarity, shape) to
// supabase/seed-files/certificates/<order id>/<LAB>-<report number>.pdf — the certificates
// bucket's objects_path in config.toml, uploaded by `supabase db reset` / `seed buckets` and by
// the local stack — then writes supabase/seeds/20_certificate_files.sql, which records each
// file as the certificate's attachment. Run it again whenever the order seed changes; the db
// spec seed.spec.ts fails while the two disagree.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { openPglite } from '../local-supabase/db/pglite';
import { expandSeedPaths, migrate } from '../local-supabase/db/migrate';
import { loadConfig } from '../local-supabase/config';

const projectDir = resolve('supabase');
const outDir = join(projectDir, 'seed-files', 'certificates');
const linkSeed = join(projectDir, 'seeds', '20_certificate_files.sql');

type CertificateRow = {
  order_id: string;
  code: string;
  product_name: string;
  metal: string;
  lab: 'GIA' | 'IGI';
  report_number: string;
  carat: string;
  colour: string;
  clarity: string;
  cut_shape: string;
  graded_on: string;
};

const metalNames: Record<string, string> = {
  gold_18k_yellow: '18K yellow gold',
  gold_18k_white: '18K white gold',
  gold_18k_rose: '18K rose gold',
  gold_14k_yellow: '14K yellow gold',
  gold_14k_white: '14K white gold',
  gold_14k_rose: '14K rose gold',
  platinum: 'Platinum',
};

/** The object name in the bucket: the order's folder (storage policies follow the order). */
const certificatePath = (c: Pick<CertificateRow, 'order_id' | 'lab' | 'report_number'>) =>
  `${c.order_id}/${c.lab}-${c.report_number}.pdf`;

function labelled(
  page: PDFPage,
  fonts: { regular: PDFFont; bold: PDFFont },
  y: number,
  label: string,
  value: string,
) {
  page.drawText(label, { x: 72, y, size: 10, font: fonts.regular, color: rgb(0.35, 0.35, 0.4) });
  page.drawText(value, { x: 250, y, size: 12, font: fonts.bold, color: rgb(0.1, 0.1, 0.15) });
}

async function reportPdf(c: CertificateRow): Promise<Uint8Array> {
  const labGrown = c.report_number.startsWith('LG');
  const doc = await PDFDocument.create();
  const title = `${c.lab} report ${c.report_number}`;
  doc.setTitle(title);
  doc.setSubject(
    `${c.lab} ${c.report_number}: ${Number(c.carat).toFixed(2)} ct, colour ${c.colour}, clarity ${c.clarity}, ${c.cut_shape}`,
  );
  doc.setKeywords([c.lab, c.report_number, c.code, 'Loupe demo']);
  doc.setAuthor('Loupe demo data');
  doc.setCreator('scripts/make-certificate-pdfs.ts');
  doc.setProducer('pdf-lib');
  // Fixed dates: the same row always gives the same bytes, so regenerating changes nothing.
  const graded = new Date(`${c.graded_on}T12:00:00Z`);
  doc.setCreationDate(graded);
  doc.setModificationDate(graded);

  const page = doc.addPage([612, 792]); // US Letter
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const labName =
    c.lab === 'GIA' ? 'Gemological Institute of America' : 'International Gemological Institute';
  page.drawRectangle({
    x: 48,
    y: 48,
    width: 516,
    height: 696,
    borderWidth: 1,
    borderColor: rgb(0.6, 0.6, 0.65),
  });
  page.drawText(c.lab, { x: 72, y: 690, size: 32, font: fonts.bold, color: rgb(0.12, 0.2, 0.4) });
  page.drawText(labName, { x: 72, y: 668, size: 11, font: fonts.regular });
  page.drawText(labGrown ? 'Laboratory-Grown Diamond Report' : 'Diamond Grading Report', {
    x: 72,
    y: 630,
    size: 18,
    font: fonts.bold,
  });
  page.drawText('Report summary', { x: 72, y: 610, size: 11, font: fonts.regular });

  const rows: Array<[string, string]> = [
    ['Report number', c.report_number],
    ['Date', graded.toLocaleDateString('en-US', { dateStyle: 'long', timeZone: 'UTC' })],
    ['Shape and cutting style', c.cut_shape],
    ['Carat weight', `${Number(c.carat).toFixed(2)} carat`],
    ['Colour grade', c.colour],
    ['Clarity grade', c.clarity],
    ['Origin', labGrown ? 'Laboratory-grown' : 'Natural'],
    ['Set in', `${c.product_name}, ${metalNames[c.metal] ?? c.metal}`],
    ['Loupe order', c.code],
  ];
  rows.forEach(([label, value], i) => labelled(page, fonts, 560 - i * 30, label, value));

  page.drawText('SPECIMEN', {
    x: 150,
    y: 180,
    size: 72,
    font: fonts.bold,
    color: rgb(0.85, 0.85, 0.88),
    opacity: 0.6,
  });
  page.drawText(
    'Demo data generated for the Loupe workshop app. Not a laboratory document; the report',
    { x: 72, y: 96, size: 8, font: fonts.regular, color: rgb(0.4, 0.4, 0.45) },
  );
  page.drawText('number follows the lab’s format only so the app’s validation accepts it.', {
    x: 72,
    y: 84,
    size: 8,
    font: fonts.regular,
    color: rgb(0.4, 0.4, 0.45),
  });
  // No object streams and no metadata rewrite on save: plain, reproducible files.
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

const sqlText = (v: string) => `'${v.replace(/'/g, "''")}'`;

async function main() {
  const config = loadConfig(join(projectDir, 'config.toml'));
  const db = await openPglite('memory');
  try {
    // The certificates the demo seed makes (the link seed, if already there, only adds rows).
    await migrate(db, {
      migrationsDir: join(projectDir, 'migrations'),
      seedFiles: (await expandSeedPaths(projectDir, config.db.seedPaths)).filter(
        (f) => f !== linkSeed,
      ),
    });
    const { rows } = await db.query<CertificateRow>(
      `select c.order_id::text as order_id, o.code, o.product_name, o.metal::text as metal,
              c.lab::text as lab, c.report_number, c.carat::text as carat, c.colour, c.clarity,
              c.cut_shape, to_char(c.created_at at time zone 'UTC' - interval '9 days', 'YYYY-MM-DD') as graded_on
       from public.certificates c join public.orders o on o.id = c.order_id
       order by o.code`,
    );
    rmSync(outDir, { recursive: true, force: true });
    const files: Array<{ row: CertificateRow; size: number }> = [];
    for (const row of rows) {
      const bytes = await reportPdf(row);
      const path = join(outDir, certificatePath(row));
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, bytes);
      files.push({ row, size: bytes.length });
    }
    const values = files
      .map(
        ({ row, size }) =>
          `  (${sqlText(row.lab)}, ${sqlText(row.report_number)}, ${sqlText(certificatePath(row))}, ${size})`,
      )
      .join(',\n');
    writeFileSync(
      linkSeed,
      `-- Generated by scripts/make-certificate-pdfs.ts — do not edit; run it again instead.
-- The seeded certificates' report files: each PDF under supabase/seed-files/certificates is
-- uploaded to the certificates bucket by config.toml's objects_path (supabase db reset / seed
-- buckets, and the local stack), and recorded here as the certificate's attachment, uploaded
-- by whoever added the certificate when they added it.

create temporary table seeded_certificate_files (
  lab public.certificate_lab not null,
  report_number text not null,
  storage_path text not null,
  size_bytes bigint not null
);

insert into seeded_certificate_files (lab, report_number, storage_path, size_bytes) values
${values};

insert into public.attachments (order_id, kind, bucket, storage_path, file_name, mime_type, size_bytes, uploaded_by, uploaded_at)
select c.order_id, 'certificate', 'certificates', f.storage_path,
       f.lab || ' report ' || f.report_number || '.pdf', 'application/pdf', f.size_bytes, c.added_by, c.created_at
from seeded_certificate_files f
join public.certificates c on c.lab = f.lab and c.report_number = f.report_number;

update public.certificates c
set attachment_id = a.id
from public.attachments a
where a.bucket = 'certificates' and a.kind = 'certificate' and a.order_id = c.order_id
  and a.storage_path = c.order_id || '/' || c.lab || '-' || c.report_number || '.pdf';

drop table seeded_certificate_files;
`,
    );
    console.log(`${files.length} certificate PDFs in ${outDir}; links in ${linkSeed}`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
