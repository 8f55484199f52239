import { RequestFrequency, SupervisionCharacter, SupervisionKind } from '../../modules/supervision/supervision.enums';
import { ChoiceField, ErrorSummary, Field, PostForm, SelectField } from '../components';
import { Page } from '../layout';
import { MessageKey, text } from '../messages';
import { PATHS } from '../paths';
import type { PageContext } from '../pages/page-context';

export const SUPERVISION_FIELDS = [
  'organisationId',
  'supervisorId',
  'occurredOn',
  'kind',
  'dataRequested',
  'frequency',
  'staffHours',
  'overlapsInteractionId',
  'character',
  'feedback',
  'supportedLearning',
] as const;
export type SupervisionValues = Record<(typeof SUPERVISION_FIELDS)[number], string>;
export type SupervisionErrors = Partial<Record<keyof SupervisionValues | 'form', string>>;

export interface SupervisionRow {
  id: string;
  occurredOn: string;
  unit: string;
  supervisor: string;
  kind: SupervisionKind;
  staffHours: number;
  overlapping: boolean;
}

export interface SupervisionView {
  c: PageContext;
  rows: SupervisionRow[];
  units: { id: string; name: string }[];
  agencies: { id: string; name: string }[];
  formId: string;
  values: SupervisionValues;
  errors: SupervisionErrors;
  done?: string;
}

/** The supervisory contacts of the reporter's organisation, and a form for a new one. */
export function SupervisionPage({ v }: { v: SupervisionView }) {
  const t = (key: MessageKey) => text(v.c.lang, key);
  const locale = v.c.lang === 'sv' ? 'sv-SE' : 'en-GB';
  const options = <T extends string>(values: T[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));
  return (
    <Page lang={v.c.lang} title={t('supervision.title')} switchHref={v.c.switchHref} nav={v.c.nav}>
      <h1>{t('supervision.title')}</h1>
      {v.done && (
        <p class="done" role="status">
          {v.done}
        </p>
      )}
      <p>{t('supervision.intro')}</p>
      {v.rows.length === 0 ? (
        <p>{t('supervision.none')}</p>
      ) : (
        // Focusable: on a phone the table scrolls sideways, and keyboard users must reach it too.
        <table tabIndex={0}>
          <caption>{t('supervision.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('supervision.occurredOn')}</th>
              <th scope="col">{t('supervision.unit')}</th>
              <th scope="col">{t('supervision.supervisor')}</th>
              <th scope="col">{t('supervision.kind')}</th>
              <th scope="col">{t('supervision.hours')}</th>
              <th scope="col">{t('supervision.overlapping')}</th>
            </tr>
          </thead>
          <tbody>
            {v.rows.map((r) => (
              <tr>
                <td>{r.occurredOn}</td>
                <td>{r.unit}</td>
                <td>{r.supervisor}</td>
                <td>{t(`supervision.kind.${r.kind}` as MessageKey)}</td>
                <td>{r.staffHours.toLocaleString(locale)}</td>
                <td>{r.overlapping ? t('supervision.learning.yes') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="new-supervision">
        <h2 id="new-supervision">{t('supervision.new')}</h2>
        {v.agencies.length === 0 ? (
          <p>{t('supervision.noAgency')}</p>
        ) : (
          <>
            <ErrorSummary title={t('form.errors')} problems={Object.values(v.errors)} />
            <PostForm action={PATHS.supervision} csrf={v.c.csrf}>
              <input type="hidden" name="formId" value={v.formId} />
              <SelectField
                name="organisationId"
                label={t('supervision.unit')}
                value={v.values.organisationId}
                error={v.errors.organisationId}
                options={v.units.map((u) => ({ value: u.id, label: u.name }))}
              />
              <SelectField
                name="supervisorId"
                label={t('supervision.supervisor')}
                value={v.values.supervisorId}
                error={v.errors.supervisorId}
                options={v.agencies.map((a) => ({ value: a.id, label: a.name }))}
              />
              <Field name="occurredOn" type="date" label={t('supervision.occurredOn')} value={v.values.occurredOn} error={v.errors.occurredOn} required />
              <SelectField
                name="kind"
                label={t('supervision.kind')}
                value={v.values.kind}
                error={v.errors.kind}
                options={options(Object.values(SupervisionKind), 'supervision.kind')}
              />
              <Field
                name="dataRequested"
                label={t('supervision.dataRequested')}
                hint={t('supervision.dataRequested.hint')}
                value={v.values.dataRequested}
                error={v.errors.dataRequested}
              />
              <SelectField
                name="frequency"
                label={t('supervision.frequency')}
                value={v.values.frequency}
                error={v.errors.frequency}
                options={[{ value: '', label: t('supervision.frequency.none') }, ...options(Object.values(RequestFrequency), 'supervision.frequency')]}
              />
              <Field
                name="staffHours"
                label={t('supervision.staffHours')}
                hint={t('supervision.staffHours.hint')}
                inputmode="decimal"
                value={v.values.staffHours}
                error={v.errors.staffHours}
                required
              />
              <SelectField
                name="overlapsInteractionId"
                label={t('supervision.overlaps')}
                value={v.values.overlapsInteractionId}
                error={v.errors.overlapsInteractionId}
                options={[
                  { value: '', label: t('supervision.overlaps.none') },
                  ...v.rows.map((r) => ({
                    value: r.id,
                    label: `${r.occurredOn} ${r.supervisor}: ${t(`supervision.kind.${r.kind}` as MessageKey)} (${r.unit})`,
                  })),
                ]}
              />
              <ChoiceField
                name="character"
                legend={t('supervision.character')}
                value={v.values.character}
                error={v.errors.character}
                options={options(Object.values(SupervisionCharacter), 'supervision.character')}
              />
              <Field name="feedback" label={t('supervision.feedback')} value={v.values.feedback} error={v.errors.feedback} />
              <ChoiceField
                name="supportedLearning"
                legend={t('supervision.learning')}
                value={v.values.supportedLearning}
                error={v.errors.supportedLearning}
                options={[
                  { value: 'yes', label: t('supervision.learning.yes') },
                  { value: 'no', label: t('supervision.learning.no') },
                  { value: '', label: t('supervision.learning.unknown') },
                ]}
              />
              <button type="submit">{t('supervision.submit')}</button>
            </PostForm>
          </>
        )}
      </section>
    </Page>
  );
}
