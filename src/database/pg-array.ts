/**
 * A PostgreSQL array literal of numbers and nulls, `{4,NULL,2.5}`: for array parameters sent as
 * text (cast with `::real[]` and the like) and for COPY's text format. The numbers must be
 * finite (validation rejects NaN and infinities before).
 */
export const numberArrayLiteral = (xs: readonly (number | null)[]): string => `{${xs.map((x) => (x === null ? 'NULL' : String(x))).join(',')}}`;
