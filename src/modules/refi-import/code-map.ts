import { CodeDimension } from '../analytics/dto/codes.input';
import { codeGuid, DIMENSIONS } from '../export/refi/codebook';
import { refiGuid } from '../export/refi/guid';

/** What a code GUID of an imported project stands for in Tillit Tracker. */
export type KnownCode =
  | { kind: 'code'; dimension: CodeDimension; code: string }
  /** A framework node that takes no codings: a dimension, or a term coded by its sub-codes (a method by its polarity). */
  | { kind: 'notCodable'; name: string };

type Entry = [string, KnownCode];
const code = (dimension: CodeDimension, c: string): Entry => [codeGuid(dimension, c), { kind: 'code', dimension, code: c }];
const notCodable = (guid: string, name: string): Entry => [guid, { kind: 'notCodable', name }];

/** Every GUID of the framework codebook (the same in every export, codebook.ts), by GUID. */
export const FRAMEWORK_GUIDS: ReadonlyMap<string, KnownCode> = new Map(
  DIMENSIONS.flatMap((d): Entry[] => [
    notCodable(refiGuid(`dimension:${d.dimension}`), d.name),
    ...d.terms.flatMap((t): Entry[] =>
      d.subCodes
        ? [notCodable(codeGuid(d.dimension, t.code), t.labelSv), ...d.subCodes.map((sub) => code(d.dimension, `${t.code}:${sub.code}`))]
        : [code(d.dimension, t.code)],
    ),
  ]),
);

/** The framework dimension a codebook node stands for, if it is one (for an own code's parent). */
export function dimensionOf(guid: string): CodeDimension | null {
  return DIMENSIONS.find((d) => refiGuid(`dimension:${d.dimension}`) === guid)?.dimension ?? null;
}
