import { Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { EvidenceItem } from '../../evidence/dto/evidence-item';
import { PilotTheme } from '../../pilot/pilot.enums';
import { barChartPng } from './chart';
import { MESSAGES, MessageKey, text } from '../../../web/messages';
import { ASPECT_WORDS, DIRECTION_WORDS, DocLang, EVIDENCE_WORDS, OBSTACLE_WORDS, pick, STATUS_WORDS, THEME_WORDS, WORDS } from './labels';
import type { DocFinding, DocSection, ReportDoc, SummaryDoc } from './report-doc';

type Block = Paragraph | Table;

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });
/** Body text: one paragraph per blank-line-separated block. */
const prose = (text: string): Paragraph[] =>
  text
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => new Paragraph({ text: t }));
const bullet = (runs: TextRun[]) => new Paragraph({ children: runs, bullet: { level: 0 } });
const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
const table = (header: string[], rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
const chart = (title: string, labels: string[], values: (number | null)[], max?: number) => {
  const { png, width, height } = barChartPng({ title, labels, values, max });
  return new Paragraph({
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width: width * 0.9, height: height * 0.9 },
        altText: { name: title, title, description: title },
      }),
    ],
  });
};
const fmt = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '' : v.toLocaleString('sv-SE', { maximumFractionDigits: digits }));
const quarter = (d: string) => `${d.slice(0, 4)} K${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
/** A measure as people read it: a dimension's label from the pages' catalogue, an item by its code. */
const measureName = (lang: DocLang, measure: string) => (`dimension.${measure}` in MESSAGES[lang] ? text(lang, `dimension.${measure}` as MessageKey) : measure);

/** One piece of evidence in words: its quote or what it is; withheld ones only say that they are there. */
function evidenceRuns(lang: DocLang, e: EvidenceItem): TextRun[] {
  const w = WORDS[lang];
  const kind = pick(lang, EVIDENCE_WORDS[e.kind]);
  if (e.withheld) return [new TextRun({ text: `${w.withheld} (${kind}).`, italics: true })];
  const what = (() => {
    if (e.segment) return [new TextRun({ text: w.quote(e.segment.quote), italics: true })];
    if (e.observation) {
      const text = e.observation.text.length > 400 ? `${e.observation.text.slice(0, 400)} …` : e.observation.text;
      return [new TextRun({ text: `${e.observation.title} (${e.observation.occurredOn}): ` }), new TextRun({ text: w.quote(text), italics: true })];
    }
    if (e.timeThief) return [new TextRun({ text: `${e.timeThief.task} (${e.timeThief.minutesPerWeek} min/${lang === 'sv' ? 'vecka' : 'week'})` })];
    if (e.supervisionInteraction) {
      const s = e.supervisionInteraction;
      return [new TextRun({ text: `${s.occurredOn} ${s.kind}: ${s.dataRequested || s.feedback}` })];
    }
    if (e.wave) return [new TextRun({ text: `${e.wave.label} (${e.wave.opensOn})` })];
    return [new TextRun({ text: [e.indicator?.name, e.organisation?.name].filter(Boolean).join(', ') })];
  })();
  const note = e.note ? [new TextRun({ text: ` — ${e.note}` })] : [];
  return [new TextRun({ text: `${kind[0].toUpperCase()}${kind.slice(1)}: ` }), ...what, ...note];
}

/** What a finding is about: the idea, obstacle or effect it presents, in a line of its own. */
function subjectLines(lang: DocLang, f: DocFinding): Paragraph[] {
  const w = WORDS[lang];
  const line = (label: string, textOf: string) => [
    new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun({ text: textOf })] }),
  ];
  if (f.idea) return line(w.idea, `${f.idea.title} — ${f.idea.whatWasDone}`);
  if (f.obstacle) return line(w.obstacle, `${f.obstacle.description} (${f.obstacle.status})`);
  if (f.effect) {
    const e = f.effect;
    return line(
      w.effect,
      `${pick(lang, ASPECT_WORDS[e.aspect])}: ${pick(lang, DIRECTION_WORDS[e.direction])} (${e.periodStart} – ${e.periodEnd}) — ${e.assessment}`,
    );
  }
  return [];
}

function sectionBlocks(lang: DocLang, s: DocSection, withEvidence: boolean, level = HeadingLevel.HEADING_1): Block[] {
  const sub = level === HeadingLevel.HEADING_1 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  const out: Block[] = [heading(pick(lang, [s.heading.sv, s.heading.en]), level), ...prose(s.body)];
  for (const f of s.findings) {
    const { finding, evidence } = f;
    out.push(heading(finding.statement, sub), ...subjectLines(lang, f), ...prose(finding.body));
    if (withEvidence && evidence.length) {
      out.push(new Paragraph({ children: [new TextRun({ text: WORDS[lang].evidence, bold: true })] }));
      out.push(...evidence.map((e) => bullet(evidenceRuns(lang, e))));
    }
  }
  return out;
}

function discretionBlocks(lang: DocLang, doc: ReportDoc): Block[] {
  const w = WORDS[lang];
  const out: Block[] = [heading(w.discretion, HeadingLevel.HEADING_1), new Paragraph({ text: w.discretionNote })];
  if (!doc.discretion.length) return [...out, new Paragraph({ text: w.noData })];
  const rows = doc.discretion.map((r) =>
    r.suppressed
      ? [r.wave, measureName(lang, r.measure), w.suppressed, '', '', '']
      : [
          r.wave,
          measureName(lang, r.measure),
          String(r.n ?? ''),
          fmt(r.mean),
          `${fmt(r.ciLow)}–${fmt(r.ciHigh)}`,
          r.responseRate === null ? '' : `${fmt(r.responseRate * 100, 0)} %`,
        ],
  );
  out.push(table([w.wave, w.measure, w.n, w.mean, w.ci, w.rate], rows));
  // The chart: decision authority (the discretion the delegation asked about) where measured, else the first measure.
  const shown = doc.discretion.some((r) => r.measure === 'DECISION_AUTHORITY') ? 'DECISION_AUTHORITY' : doc.discretion[0].measure;
  const charted = doc.discretion.filter((r) => r.measure === shown);
  out.push(
    chart(
      `${measureName(lang, shown)} (0–100)`,
      charted.map((r) => r.wave),
      charted.map((r) => (r.suppressed ? null : r.mean)),
      100,
    ),
  );
  return out;
}

function burdenBlocks(lang: DocLang, doc: ReportDoc): Block[] {
  const w = WORDS[lang];
  const out: Block[] = [heading(w.burden, HeadingLevel.HEADING_1)];
  if (!doc.burden.length) return [...out, new Paragraph({ text: w.noData })];
  out.push(
    table(
      [w.quarter, w.hours],
      doc.burden.map((b) => [quarter(b.bucketStart), fmt(b.staffHours)]),
    ),
  );
  out.push(
    chart(
      w.burden,
      doc.burden.map((b) => quarter(b.bucketStart)),
      doc.burden.map((b) => b.staffHours),
    ),
  );
  return out;
}

const pack = (title: string, children: Block[]) =>
  Packer.toBuffer(new Document({ title, creator: 'Tillit Tracker', description: title, sections: [{ children }] }));

/** An evaluation report as a Word document: title page facts, the sections with findings and quoted evidence, discretion and burden tables with charts. */
export function reportDocx(doc: ReportDoc, lang: DocLang): Promise<Buffer> {
  const w = WORDS[lang];
  const f = doc.facts;
  const title = doc.report.title;
  const children: Block[] = [
    heading(title, HeadingLevel.TITLE),
    new Paragraph({ text: `${w.report} · ${w.pilot} ${doc.pilot.code} ${doc.pilot.title}` }),
    new Paragraph({ text: `${w.version} ${doc.report.number} · ${w.status}: ${pick(lang, STATUS_WORDS[doc.report.status])}` }),
    new Paragraph({ text: `${w.authors}: ${doc.authors.join(', ')}` }),
    heading(w.facts, HeadingLevel.HEADING_2),
    ...(
      [
        [f.observations, w.observations],
        [f.codedSegments, w.codedSegments],
        [f.waves, w.waves],
        [f.burdenReports, w.burdenReports],
        [f.timeThieves, w.timeThieves],
        [f.supervisionInteractions, w.supervisionInteractions],
      ] as [number, string][]
    ).map(([n, what]) => bullet([new TextRun({ text: `${n} ${what}` })])),
    ...doc.sections.flatMap((s) => sectionBlocks(lang, s, true)),
    ...discretionBlocks(lang, doc),
    ...burdenBlocks(lang, doc),
  ];
  return pack(title, children);
}

/** The delegation's summary (D:776–777): final reports by theme, obstacles by type and published ideas across pilots. */
export function summaryDocx(doc: SummaryDoc, lang: DocLang): Promise<Buffer> {
  const w = WORDS[lang];
  const children: Block[] = [heading(w.summary, HeadingLevel.TITLE), heading(w.byTheme, HeadingLevel.HEADING_1)];
  const themes: (PilotTheme | null)[] = [...Object.values(PilotTheme), null];
  for (const theme of themes) {
    const of = doc.reports.filter((r) => (theme ? r.pilot.themes.includes(theme) : !r.pilot.themes.length));
    if (!of.length) continue;
    children.push(heading(theme ? pick(lang, THEME_WORDS[theme]) : w.noTheme, HeadingLevel.HEADING_2));
    for (const r of of) {
      children.push(new Paragraph({ children: [new TextRun({ text: `${r.pilot.code} ${r.pilot.title}: ${r.report.title}`, bold: true })] }));
      for (const s of r.sections)
        for (const { finding } of s.findings)
          children.push(bullet([new TextRun({ text: `${pick(lang, [s.heading.sv, s.heading.en])}: ${finding.statement}` })]));
    }
  }
  children.push(heading(w.obstacles, HeadingLevel.HEADING_1));
  for (const type of [...new Set(doc.obstacles.map((o) => o.obstacle.type))]) {
    children.push(heading(pick(lang, OBSTACLE_WORDS[type]), HeadingLevel.HEADING_2));
    for (const { obstacle, pilotCode } of doc.obstacles.filter((o) => o.obstacle.type === type)) {
      children.push(bullet([new TextRun({ text: `${pilotCode}: `, bold: true }), new TextRun({ text: `${obstacle.description} (${obstacle.status})` })]));
    }
  }
  children.push(heading(w.ideas, HeadingLevel.HEADING_1));
  for (const { idea, pilotCode } of doc.ideas) {
    children.push(heading(`${idea.title} (${pilotCode})`, HeadingLevel.HEADING_2), ...prose(idea.problem), ...prose(idea.whatWasDone));
  }
  if (!doc.reports.length && !doc.obstacles.length && !doc.ideas.length) children.push(new Paragraph({ text: w.noData }));
  return pack(w.summary, children);
}
