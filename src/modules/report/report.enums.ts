import { registerEnumType } from '@nestjs/graphql';

/** Where a version of a pilot's evaluation report stands. Only a draft or a report in review can change. */
export enum ReportStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  FINAL = 'FINAL',
  SUPERSEDED = 'SUPERSEDED',
}

/** The status changes a user may make; a FINAL version is superseded only when a newer version becomes final. */
export const REPORT_TRANSITIONS: Record<ReportStatus, ReportStatus[]> = {
  DRAFT: [ReportStatus.IN_REVIEW],
  IN_REVIEW: [ReportStatus.DRAFT, ReportStatus.FINAL],
  FINAL: [],
  SUPERSEDED: [],
};

/**
 * The sections of an evaluation report (Dir. 2016:51, D:657–663: advice and recommendations, good
 * examples of innovative solutions, obstacles and needs for change, effects on equal access and
 * quality), with background and method first and conclusions last.
 */
export enum ReportSectionKind {
  BACKGROUND_METHOD = 'BACKGROUND_METHOD',
  RECOMMENDATIONS = 'RECOMMENDATIONS',
  GOOD_EXAMPLES = 'GOOD_EXAMPLES',
  OBSTACLES = 'OBSTACLES',
  EFFECTS = 'EFFECTS',
  CONCLUSIONS = 'CONCLUSIONS',
}

/** The sections in reading order, with their Swedish and English headings. */
export const REPORT_SECTIONS: { kind: ReportSectionKind; sv: string; en: string }[] = [
  { kind: ReportSectionKind.BACKGROUND_METHOD, sv: 'Bakgrund och metod', en: 'Background and method' },
  { kind: ReportSectionKind.RECOMMENDATIONS, sv: 'Rekommendationer och råd', en: 'Recommendations and advice' },
  { kind: ReportSectionKind.GOOD_EXAMPLES, sv: 'Goda exempel', en: 'Good examples' },
  { kind: ReportSectionKind.OBSTACLES, sv: 'Hinder och förändringsbehov', en: 'Obstacles and needs for change' },
  { kind: ReportSectionKind.EFFECTS, sv: 'Effekter på likvärdighet och kvalitet', en: 'Effects on equal access and quality' },
  { kind: ReportSectionKind.CONCLUSIONS, sv: 'Slutsatser', en: 'Conclusions' },
];

registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  description: 'Where a version of an evaluation report stands: draft → in review → final; a final version is locked and superseded by the next final one.',
  valuesMap: {
    DRAFT: { description: 'Utkast / draft: its authors change it.' },
    IN_REVIEW: { description: 'Under granskning / in review: still changeable, back to draft or on to final.' },
    FINAL: { description: 'Slutlig / final: locked; a change needs a new version.' },
    SUPERSEDED: { description: 'Ersatt / superseded by a newer final version.' },
  },
});

registerEnumType(ReportSectionKind, {
  name: 'ReportSectionKind',
  description: 'A section of an evaluation report (D:657–663).',
  valuesMap: Object.fromEntries(REPORT_SECTIONS.map((s) => [s.kind, { description: `${s.sv} / ${s.en.toLowerCase()}.` }])),
});
