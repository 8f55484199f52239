import type { ValueTransformer } from 'typeorm';

/** numeric and bigint columns arrive from pg as strings; the API wants numbers. */
export const numericColumn: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};
