/** What an import did, or (dry run) would do: returned as JSON by POST /import/refi/<pilotId>. */
export interface RefiImportReport {
  /** True: nothing was stored; this is what the import would do. */
  dryRun: boolean;
  /** Sources of the file matched to observations of the pilot (by GUID, or by identical text). */
  sourcesMatched: number;
  /** Sources not imported, and why. */
  sourcesSkipped: { guid: string; name: string; reason: string }[];
  /** Codes of the file that became own codes of the pilot (GUID kept as id). */
  ownCodesAdded: { guid: string; name: string }[];
  /** Observations whose own codes (the selection over the whole text) gained codes. */
  observationsRecoded: { observationId: string; title: string }[];
  /** Selections that became coded segments (GUID kept as the segment's id). */
  segmentsAdded: { guid: string; observationId: string; quote: string }[];
  /** Segments that gained codes. */
  segmentsRecoded: { guid: string; observationId: string }[];
  /** Selections already coded as in the file. */
  selectionsUnchanged: number;
  /** Selections or codings left out, and why. */
  skipped: { guid: string; observationId: string | null; reason: string }[];
}
