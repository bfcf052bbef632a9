// A clean database on the real Postgres for each test run: the URL's database gets a
// `_stack` sibling that is dropped and recreated, so runs never see each other's rows.
import pg from 'pg';

export async function resetPostgresDatabase(url: string, suffix = 'stack'): Promise<string> {
  const target = new URL(url);
  const name = `${target.pathname.replace(/^\//, '') || 'postgres'}_${suffix}`;
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`unexpected database name ${name}`);
  // Administer from the maintenance database: the URL's own database need not exist.
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  target.pathname = '/' + name;
  return target.toString();
}
