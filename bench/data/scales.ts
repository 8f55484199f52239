/** The three benchmark scales of issue 5 (sizes are targets; the generator prints what it made). */
export interface Scale {
  name: 'S' | 'M' | 'L';
  description: string;
  /** Municipalities (all 290 at M and L) and regions; each gets two administrations with units. */
  municipalities: number;
  regions: number;
  /** Median units per administration (log-normal: a few large, many small). */
  unitsPerAdministration: number;
  pilots: number;
  researchers: number;
  observations: number;
  /** Share of observations with coded segments (1–3 each). */
  segmentShare: number;
  instruments: number;
  indicatorsPerInstrument: number;
  /** Units each instrument applies to; each reports every indicator every month. */
  unitsPerInstrument: number;
  months: number;
  /** First day of the period covered. */
  start: string;
  timeThieves: number;
  /** Pilots that run surveys, each with `waves` waves. */
  surveyPilots: number;
  waves: number;
  responses: number;
}

export const SCALES: Record<Scale['name'], Scale> = {
  S: {
    name: 'S',
    description: 'the delegation as it was',
    municipalities: 6,
    regions: 2,
    unitsPerAdministration: 2,
    pilots: 12,
    researchers: 20,
    observations: 2_000,
    segmentShare: 0.4,
    instruments: 30,
    indicatorsPerInstrument: 10,
    unitsPerInstrument: 2,
    months: 18,
    start: '2016-07-01',
    timeThieves: 100,
    surveyPilots: 4,
    waves: 3,
    responses: 5_000,
  },
  M: {
    name: 'M',
    description: 'national, one year',
    municipalities: 290,
    regions: 21,
    unitsPerAdministration: 5.5,
    pilots: 100,
    researchers: 200,
    observations: 100_000,
    segmentShare: 0.4,
    instruments: 500,
    indicatorsPerInstrument: 10,
    unitsPerInstrument: 17,
    months: 12,
    start: '2025-01-01',
    timeThieves: 2_000,
    surveyPilots: 100,
    waves: 3,
    responses: 1_000_000,
  },
  L: {
    name: 'L',
    description: 'national, five years',
    municipalities: 290,
    regions: 21,
    unitsPerAdministration: 5.5,
    pilots: 100,
    researchers: 200,
    observations: 100_000,
    segmentShare: 0.4,
    instruments: 500,
    indicatorsPerInstrument: 10,
    unitsPerInstrument: 17,
    months: 60,
    start: '2021-01-01',
    timeThieves: 2_000,
    surveyPilots: 100,
    waves: 15,
    responses: 5_000_000,
  },
};

/** Municipalities per county (Sweden has 290), in the order of `County`. */
export const MUNICIPALITIES_PER_COUNTY: Record<string, number> = {
  STOCKHOLM: 26,
  UPPSALA: 8,
  SODERMANLAND: 9,
  OSTERGOTLAND: 13,
  JONKOPING: 13,
  KRONOBERG: 8,
  KALMAR: 12,
  GOTLAND: 1,
  BLEKINGE: 5,
  SKANE: 33,
  HALLAND: 6,
  VASTRA_GOTALAND: 49,
  VARMLAND: 16,
  OREBRO: 12,
  VASTMANLAND: 10,
  DALARNA: 15,
  GAVLEBORG: 10,
  VASTERNORRLAND: 7,
  JAMTLAND: 8,
  VASTERBOTTEN: 15,
  NORRBOTTEN: 14,
};
