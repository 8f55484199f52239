import { randomInt } from 'node:crypto';

/** A response's record key for the cell-key method: uniform on 0 … 2³¹−1, from the CSPRNG. */
export const newRecordKey = (): number => randomInt(0, 2 ** 31);
