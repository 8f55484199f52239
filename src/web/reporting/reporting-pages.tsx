import { ImprovementUse } from '../../modules/burden/burden.enums';
import { ObligationStatus } from '../../modules/obligation/obligation.enums';
import { ErrorSummary, ErrorText, Field, PostForm } from '../components';
import { Page } from '../layout';
import { MessageKey, text } from '../messages';
import { PATHS } from '../paths';
import type { PageContext } from '../pages/page-context';
import type { ReportErrors, ReportValues } from './report-form';

export interface ObligationRow {
  unitId: string;
  unit: string;
  indicatorId: string;
  indicator: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  status: ObligationStatus;
}

/** Where a period's report form is. */
export const reportHref = (o: Pick<ObligationRow, 'indicatorId' | 'unitId' | 'periodStart' | 'periodEnd'>, back: { from: string; to: string }) =>
  `${PATHS.report}?${new URLSearchParams({ indicator: o.indicatorId, unit: o.unitId, start: o.periodStart, end: o.periodEnd, from: back.from, to: back.to })}`;

const TODO: ObligationStatus[] = [ObligationStatus.MISSING, ObligationStatus.PARTIAL, ObligationStatus.DUE];

function ObligationTable({ c, rows, caption, range }: { c: PageContext; rows: ObligationRow[]; caption: string; range: { from: string; to: string } }) {
  const t = (key: MessageKey) => text(c.lang, key);
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reporting.unit')}</th>
          <th scope="col">{t('reporting.indicator')}</th>
          <th scope="col">{t('reporting.period')}</th>
          <th scope="col">{t('reporting.due')}</th>
          <th scope="col">{t('reporting.status')}</th>
          <th scope="col">{t('reporting.action')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <tr class={`status-${o.status.toLowerCase()}`}>
            <td>{o.unit}</td>
            <td>{o.indicator}</td>
            <td>{`${o.periodStart} – ${o.periodEnd}`}</td>
            <td>{o.dueOn}</td>
            <td>{t(`status.${o.status}` as MessageKey)}</td>
            <td>
              <a href={reportHref(o, range)}>
                {TODO.includes(o.status) ? t('reporting.report') : t('reporting.correct')}
                <span class="visually-hidden">{`: ${o.indicator}, ${o.unit}, ${o.periodStart}`}</span>
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The reporter's periods: what is missing first, then what has been reported. */
export function ReportingPage(props: { c: PageContext; organisation: string; rows: ObligationRow[]; range: { from: string; to: string }; saved?: string }) {
  const { c, organisation, rows, range, saved } = props;
  const t = (key: MessageKey, values?: Record<string, string>) => text(c.lang, key, values);
  const todo = rows.filter((o) => TODO.includes(o.status)).sort((a, b) => TODO.indexOf(a.status) - TODO.indexOf(b.status));
  const done = rows.filter((o) => !TODO.includes(o.status));
  return (
    <Page lang={c.lang} title={t('reporting.title')} switchHref={c.switchHref} nav={c.nav}>
      <h1>{t('reporting.title')}</h1>
      {saved && (
        <p class="done" role="status">
          {saved}
        </p>
      )}
      <p>{t('reporting.intro', { organisation })}</p>
      <form method="get" action={PATHS.reporting} class="filters">
        <Field name="from" type="date" label={t('reporting.from')} value={range.from} />
        <Field name="to" type="date" label={t('reporting.to')} value={range.to} />
        <button type="submit">{t('reporting.show')}</button>
      </form>
      {todo.length ? (
        <ObligationTable c={c} rows={todo} range={range} caption={t('reporting.todo', { count: String(todo.length) })} />
      ) : (
        <p>{t('reporting.none')}</p>
      )}
      {done.length > 0 && <ObligationTable c={c} rows={done} range={range} caption={t('reporting.reported')} />}
    </Page>
  );
}

export interface ReportFormView {
  c: PageContext;
  action: string;
  indicator: string;
  unit: string;
  period: string;
  formId: string;
  /** The revision being corrected (a correction needs a reason). */
  revision: number | null;
  /** Why the period's report was withdrawn, when it was: a new one replaces it. */
  withdrawnBecause: string | null;
  prefilled: boolean;
  values: ReportValues;
  errors: ReportErrors;
}

function Choices(props: { name: keyof ReportValues; legend: string; options: [string, string][]; v: ReportFormView }) {
  const error = props.v.errors[props.name];
  const errorId = `${props.name}-error`;
  return (
    <fieldset class={error ? 'question invalid' : 'question'} aria-invalid={error ? 'true' : undefined}>
      <legend>{props.legend}</legend>
      <ErrorText id={errorId} message={error} />
      {props.options.map(([value, label]) => (
        <label class="choice" for={`${props.name}-${value || 'none'}`}>
          <input
            type="radio"
            id={`${props.name}-${value || 'none'}`}
            name={props.name}
            value={value}
            checked={props.v.values[props.name] === value}
            aria-describedby={error ? errorId : undefined}
          />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The question each field asks, for the summary of what to correct. */
const QUESTIONS: Partial<Record<string, MessageKey>> = {
  staffHours: 'report.staffHours',
  staffCount: 'report.staffCount',
  recordCount: 'report.records',
  doubleRegistration: 'report.double',
  usedForImprovement: 'report.improvement',
  perceivedUsefulness: 'report.usefulness',
  comment: 'report.comment',
  reason: 'report.reason',
};

const named = (v: ReportFormView, field: string, message: string | undefined) =>
  message && (QUESTIONS[field] ? `${text(v.c.lang, QUESTIONS[field]!)}: ${message}` : message);

/** One period's burden report: last period's values as a start, or the current ones to correct. */
export function ReportForm({ v }: { v: ReportFormView }) {
  const t = (key: MessageKey, values?: Record<string, string>) => text(v.c.lang, key, values);
  const title = t('report.title', { indicator: v.indicator });
  return (
    <Page lang={v.c.lang} title={title} switchHref={v.c.switchHref} nav={v.c.nav}>
      <h1>{title}</h1>
      <p>{t('report.context', { unit: v.unit, period: v.period })}</p>
      {v.withdrawnBecause !== null ? (
        <p class="hint">{t('report.withdrawn', { reason: v.withdrawnBecause })}</p>
      ) : v.revision !== null ? (
        <p class="hint">{t('report.existing')}</p>
      ) : (
        v.prefilled && <p class="hint">{t('report.previous')}</p>
      )}
      <ErrorSummary title={t('form.errors')} problems={Object.entries(v.errors).map(([field, message]) => named(v, field, message))} />
      <ErrorText id="form-error" message={v.errors.form} />
      <PostForm action={v.action} csrf={v.c.csrf}>
        <input type="hidden" name="formId" value={v.formId} />
        {v.revision !== null && <input type="hidden" name="revision" value={String(v.revision)} />}
        <Field
          name="staffHours"
          label={t('report.staffHours')}
          hint={t('report.staffHours.hint')}
          inputmode="decimal"
          value={v.values.staffHours}
          error={v.errors.staffHours}
          required
        />
        <Field name="staffCount" label={t('report.staffCount')} inputmode="numeric" value={v.values.staffCount} error={v.errors.staffCount} required />
        <Field name="recordCount" label={t('report.records')} inputmode="numeric" value={v.values.recordCount} error={v.errors.recordCount} />
        <Choices
          name="doubleRegistration"
          legend={t('report.double')}
          options={[
            ['yes', t('report.yes')],
            ['no', t('report.no')],
          ]}
          v={v}
        />
        <Choices
          name="usedForImprovement"
          legend={t('report.improvement')}
          options={[
            [ImprovementUse.YES, t('report.yes')],
            [ImprovementUse.PARTLY, t('report.partly')],
            [ImprovementUse.NO, t('report.no')],
          ]}
          v={v}
        />
        <Choices
          name="perceivedUsefulness"
          legend={t('report.usefulness')}
          options={[...['1', '2', '3', '4', '5'].map((n): [string, string] => [n, n]), ['', t('report.usefulness.none')]]}
          v={v}
        />
        <div class={v.errors.comment ? 'question invalid' : 'question'}>
          <label for="comment">{t('report.comment')}</label>
          <ErrorText id="comment-error" message={v.errors.comment} />
          <textarea id="comment" name="comment" rows={4} maxlength={20000}>
            {v.values.comment}
          </textarea>
        </div>
        {v.revision !== null && <Field name="reason" label={t('report.reason')} value={v.values.reason} error={v.errors.reason} required />}
        <button type="submit">{t('report.submit')}</button>
      </PostForm>
    </Page>
  );
}
