import { answerFits } from '../../modules/survey/scoring';
import { RespondentCategory, ScaleKind, TenureBand } from '../../modules/survey/survey.enums';
import type { LinkAnswer } from '../../modules/survey/survey.service';
import { Lang, text } from '../messages';
import type { SurveyItemView } from './survey-pages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export interface ParsedForm {
  formId: string | null;
  answer: LinkAnswer | null;
  /** Messages by field (`category`, `panel`, `form`, or an item code). */
  errors: Record<string, string>;
  /** What was sent, as text, to fill the form again. */
  values: Record<string, string>;
}

const one = (v: unknown): string => (typeof v === 'string' ? v.trim().slice(0, 200) : '');

/** What to say beside an item whose answer does not fit it (the rule: answerFits, as for the API). */
export const misfit = (item: SurveyItemView, lang: Lang): string =>
  item.scale === ScaleKind.LIKERT_5 ? text(lang, 'survey.error.range') : text(lang, 'survey.error.number', { min: item.min ?? 0, max: item.max ?? 100 });

/**
 * Reads the posted survey form into an answer, or says what to correct, field by field, in the
 * respondent's language. Decimal commas are accepted ("12,5").
 */
export function parseSurveyForm(
  body: Record<string, unknown>,
  items: SurveyItemView[],
  lang: Lang,
  asks: { categories: readonly RespondentCategory[]; tenure: boolean } = { categories: Object.values(RespondentCategory), tenure: true },
): ParsedForm {
  const values: Record<string, string> = {};
  for (const key of ['category', 'tenureBand', 'panel1', 'panel2', 'panel3', ...items.map((i) => `item.${i.code}`)]) values[key] = one(body[key]);
  const errors: Record<string, string> = {};
  const formId = UUID.test(one(body.formId)) ? one(body.formId) : null;

  const category = asks.categories.find((c) => c === values.category);
  if (!category) errors.category = text(lang, 'survey.error.category');
  const tenureBand = asks.tenure ? (Object.values(TenureBand).find((b) => b === values.tenureBand) ?? null) : null;

  const answers = items.map((item) => {
    const raw = values[`item.${item.code}`];
    if (raw === '') return null;
    const n = Number(raw.replace(',', '.'));
    if (!answerFits(n, item)) {
      errors[item.code] = misfit(item, lang);
      return null;
    }
    return n;
  });
  if (answers.every((a) => a === null) && !items.some((i) => errors[i.code])) errors.form = text(lang, 'survey.error.empty');

  const panel = [values.panel1.toUpperCase(), values.panel2, values.panel3];
  const panelOk = /^\p{L}$/u.test(panel[0]) && /^(?:[1-9]|[12]\d|3[01])$/.test(panel[1]) && /^\d$/.test(panel[2]);
  if (panel.some((p) => p !== '') && !panelOk) errors.panel = text(lang, 'survey.error.panel');

  if (Object.keys(errors).length || !category) return { formId, answer: null, errors, values };
  return { formId, answer: { category, tenureBand, panelKey: panelOk ? panel.join('-') : null, answers }, errors, values };
}
