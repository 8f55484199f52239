import { RESPONDENT_CATEGORY_LABELS, RespondentCategory, ScaleKind, TENURE_BAND_LABELS, TenureBand } from '../../modules/survey/survey.enums';
import { ErrorSummary, ErrorText } from '../components';
import { Page } from '../layout';
import { Lang, MessageKey, text } from '../messages';

export interface SurveyItemView {
  code: string;
  textSv: string;
  textEn: string;
  scale: ScaleKind;
  labelsSv: string[];
  labelsEn: string[];
  min: number | null;
  max: number | null;
}

export interface SurveyFormView {
  lang: Lang;
  action: string;
  switchHref: string;
  wave: string;
  unit: string;
  introduction: string;
  items: SurveyItemView[];
  formId: string;
  /** What was sent, when the form comes back with errors (so nothing is lost). */
  values: Record<string, string>;
  /** The respondent categories the wave asks for, and whether it asks the tenure band. */
  categories: RespondentCategory[];
  asksTenure: boolean;
  /** Messages by field: `category`, `panel`, `form`, or an item code. */
  errors: Partial<Record<string, string>>;
}

function Choice(props: { name: string; value: string; label: string; checked: boolean; describedBy?: string }) {
  const id = `${props.name}-${props.value}`;
  return (
    <label class="choice" for={id}>
      <input type="radio" id={id} name={props.name} value={props.value} checked={props.checked} aria-describedby={props.describedBy} />
      <span>{props.label}</span>
    </label>
  );
}

function Item({ item, v }: { item: SurveyItemView; v: SurveyFormView }) {
  const name = `item.${item.code}`;
  const error = v.errors[item.code];
  const errorId = `${name}-error`;
  const question = v.lang === 'sv' ? item.textSv : item.textEn;
  if (item.scale === ScaleKind.LIKERT_5) {
    const labels = v.lang === 'sv' ? item.labelsSv : item.labelsEn;
    return (
      <fieldset class={error ? 'question invalid' : 'question'} aria-invalid={error ? 'true' : undefined}>
        <legend>{question}</legend>
        <ErrorText id={errorId} message={error} />
        <div class="scale">
          {labels.map((label, i) => (
            <Choice name={name} value={String(i + 1)} label={label} checked={v.values[name] === String(i + 1)} describedBy={error ? errorId : undefined} />
          ))}
        </div>
      </fieldset>
    );
  }
  const hintId = `${name}-hint`;
  return (
    <div class={error ? 'question invalid' : 'question'}>
      <label for={name}>{question}</label>
      <p class="hint" id={hintId}>
        {text(v.lang, 'survey.number.hint', { min: item.min ?? 0, max: item.max ?? 100 })}
      </p>
      <ErrorText id={errorId} message={error} />
      <input
        type="number"
        inputmode="decimal"
        id={name}
        name={name}
        min={item.min ?? undefined}
        max={item.max ?? undefined}
        step="any"
        value={v.values[name] ?? ''}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

/** The survey as a plain form: works without JavaScript, one column on a phone. */
export function SurveyForm({ v }: { v: SurveyFormView }) {
  const t = (key: MessageKey, values?: Record<string, string | number>) => text(v.lang, key, values);
  return (
    <Page lang={v.lang} title={t('survey.title', { wave: v.wave })} switchHref={v.switchHref}>
      <h1>{t('survey.title', { wave: v.wave })}</h1>
      <p class="intro">{t('survey.intro', { unit: v.unit })}</p>
      {v.introduction && <p class="intro">{v.introduction}</p>}
      <ErrorSummary title={t('survey.errors')} problems={Object.values(v.errors)} />
      <form method="post" action={v.action} novalidate>
        <input type="hidden" name="formId" value={v.formId} />
        {v.categories.length === 1 ? (
          <p>
            {t('survey.category.one', { category: RESPONDENT_CATEGORY_LABELS[v.categories[0]][v.lang] })}
            <input type="hidden" name="category" value={v.categories[0]} />
          </p>
        ) : (
          <fieldset class={v.errors.category ? 'question invalid' : 'question'}>
            <legend>
              {t('survey.category')} <span class="tag">{t('survey.required')}</span>
            </legend>
            <ErrorText id="category-error" message={v.errors.category} />
            {v.categories.map((c) => (
              <Choice name="category" value={c} label={RESPONDENT_CATEGORY_LABELS[c][v.lang]} checked={v.values.category === c} />
            ))}
          </fieldset>
        )}
        {v.asksTenure && (
          <fieldset class="question">
            <legend>
              {t('survey.tenure')} <span class="tag">{t('survey.optional')}</span>
            </legend>
            {Object.values(TenureBand).map((b) => (
              <Choice name="tenureBand" value={b} label={TENURE_BAND_LABELS[b][v.lang]} checked={v.values.tenureBand === b} />
            ))}
            <Choice name="tenureBand" value="" label={t('survey.tenure.none')} checked={!v.values.tenureBand} />
          </fieldset>
        )}
        <p class="hint">{t('survey.skip')}</p>
        <ErrorText id="form-error" message={v.errors.form} />
        {v.items.map((item) => (
          <Item item={item} v={v} />
        ))}
        <fieldset class={v.errors.panel ? 'question invalid' : 'question'}>
          <legend>{t('survey.panel.legend')}</legend>
          <p class="hint">{t('survey.panel.help')}</p>
          <ErrorText id="panel-error" message={v.errors.panel} />
          <label for="panel1">{t('survey.panel.q1')}</label>
          <input id="panel1" name="panel1" maxlength={1} autocomplete="off" value={v.values.panel1 ?? ''} />
          <label for="panel2">{t('survey.panel.q2')}</label>
          <input id="panel2" name="panel2" type="number" inputmode="numeric" min={1} max={31} autocomplete="off" value={v.values.panel2 ?? ''} />
          <label for="panel3">{t('survey.panel.q3')}</label>
          <input id="panel3" name="panel3" type="number" inputmode="numeric" min={0} max={9} autocomplete="off" value={v.values.panel3 ?? ''} />
        </fieldset>
        <button type="submit">{t('survey.send')}</button>
      </form>
    </Page>
  );
}
