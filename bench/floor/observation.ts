import { Pool } from 'pg';
import { REFERENCE_SQL } from '../reference/sql';

export const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

/** The thin read's observation by the reference's SQL, its methods split as the API serves them. */
export async function floorObservation(id: string) {
  const { rows } = await pool.query(REFERENCE_SQL.thin, [id]);
  const row = rows[0];
  if (!row) return null;
  // Stored as "METHOD:POLARITY".
  const methods = (row.codes.methods as string[]).map((m) => ({ method: m.split(':')[0], polarity: m.split(':')[1] }));
  return { ...row, codes: { ...row.codes, methods } };
}
