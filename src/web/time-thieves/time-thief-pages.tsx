import { TimeThiefStatus, TRANSITIONS } from '../../modules/time-thief/time-thief.enums';
import { ErrorSummary, ErrorText, Field, PostForm, SelectField } from '../components';
import { Page } from '../layout';
import { MessageKey, text } from '../messages';
import { PATHS } from '../paths';
import type { PageContext } from '../pages/page-context';

export const thiefPath = (id: string) => `${PATHS.timeThieves}/${id}`;

export interface ThiefRow {
  id: string;
  unit: string;
  task: string;
  minutesPerWeek: number;
  staffAffected: number;
  status: TimeThiefStatus;
  reportedOn: string;
}

/** Staff hours a week it takes: minutes per person × people. */
const hoursPerWeek = (t: Pick<ThiefRow, 'minutesPerWeek' | 'staffAffected'>) => Math.round((t.minutesPerWeek * t.staffAffected) / 6) / 10;

export type ThiefValues = Record<'organisationId' | 'task' | 'process' | 'minutesPerWeek' | 'staffAffected' | 'proposedRemedy' | 'reportedOn', string>;
export type ThiefErrors = Partial<Record<keyof ThiefValues | 'form', string>>;

export interface ThievesView {
  c: PageContext;
  thieves: ThiefRow[];
  units: { id: string; name: string }[];
  formId: string;
  values: ThiefValues;
  errors: ThiefErrors;
  done?: string;
}

/** The time thieves of the reporter's organisation, and a form for a new one. */
export function ThievesPage({ v }: { v: ThievesView }) {
  const t = (key: MessageKey) => text(v.c.lang, key);
  return (
    <Page lang={v.c.lang} title={t('thieves.title')} switchHref={v.c.switchHref} nav={v.c.nav}>
      <h1>{t('thieves.title')}</h1>
      {v.done && (
        <p class="done" role="status">
          {v.done}
        </p>
      )}
      <p>{t('thieves.intro')}</p>
      {v.thieves.length === 0 ? (
        <p>{t('thieves.none')}</p>
      ) : (
        <table>
          <caption>{t('thieves.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('thieves.task')}</th>
              <th scope="col">{t('reporting.unit')}</th>
              <th scope="col">{t('thieves.hours')}</th>
              <th scope="col">{t('thieves.status')}</th>
              <th scope="col">{t('thieves.reportedOn')}</th>
            </tr>
          </thead>
          <tbody>
            {v.thieves.map((tt) => (
              <tr>
                <td>
                  <a href={thiefPath(tt.id)}>{tt.task}</a>
                </td>
                <td>{tt.unit}</td>
                <td>{hoursPerWeek(tt).toLocaleString(v.c.lang === 'sv' ? 'sv-SE' : 'en-GB')}</td>
                <td>{t(`thief.status.${tt.status}` as MessageKey)}</td>
                <td>{tt.reportedOn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="new-thief">
        <h2 id="new-thief">{t('thieves.new')}</h2>
        <ErrorSummary title={t('form.errors')} problems={Object.values(v.errors)} />
        <PostForm action={PATHS.timeThieves} csrf={v.c.csrf}>
          <input type="hidden" name="formId" value={v.formId} />
          <SelectField
            name="organisationId"
            label={t('reporting.unit')}
            value={v.values.organisationId}
            error={v.errors.organisationId}
            options={v.units.map((u) => ({ value: u.id, label: u.name }))}
          />
          <Field name="task" label={t('thieves.task')} hint={t('thieves.task.hint')} value={v.values.task} error={v.errors.task} required />
          <Field name="process" label={t('thieves.process')} value={v.values.process} error={v.errors.process} />
          <Field
            name="minutesPerWeek"
            label={t('thieves.minutes')}
            inputmode="numeric"
            value={v.values.minutesPerWeek}
            error={v.errors.minutesPerWeek}
            required
          />
          <Field name="staffAffected" label={t('thieves.staff')} inputmode="numeric" value={v.values.staffAffected} error={v.errors.staffAffected} required />
          <Field name="proposedRemedy" label={t('thieves.remedy')} value={v.values.proposedRemedy} error={v.errors.proposedRemedy} />
          <Field name="reportedOn" type="date" label={t('thieves.reportedOn')} value={v.values.reportedOn} error={v.errors.reportedOn} required />
          <button type="submit">{t('thieves.submit')}</button>
        </PostForm>
      </section>
    </Page>
  );
}

export interface ThiefView {
  c: PageContext;
  thief: ThiefRow & { process: string; proposedRemedy: string };
  history: { status: TimeThiefStatus; changedOn: string; reason: string | null }[];
  errors: Partial<Record<'status' | 'changedOn' | 'reason' | 'form', string>>;
  today: string;
  done?: string;
}

/** One time thief: what it is, its status history, and the next status. */
export function ThiefPage({ v }: { v: ThiefView }) {
  const t = (key: MessageKey) => text(v.c.lang, key);
  const tt = v.thief;
  const next = TRANSITIONS[tt.status];
  return (
    <Page lang={v.c.lang} title={tt.task} switchHref={v.c.switchHref} nav={v.c.nav}>
      <h1>{tt.task}</h1>
      {v.done && (
        <p class="done" role="status">
          {v.done}
        </p>
      )}
      <dl class="facts">
        <dt>{t('reporting.unit')}</dt>
        <dd>{tt.unit}</dd>
        <dt>{t('thieves.process')}</dt>
        <dd>{tt.process || '–'}</dd>
        <dt>{t('thieves.hours')}</dt>
        <dd>{hoursPerWeek(tt).toLocaleString(v.c.lang === 'sv' ? 'sv-SE' : 'en-GB')}</dd>
        <dt>{t('thieves.remedy')}</dt>
        <dd>{tt.proposedRemedy || '–'}</dd>
        <dt>{t('thieves.status')}</dt>
        <dd id="status">{t(`thief.status.${tt.status}` as MessageKey)}</dd>
      </dl>
      <table>
        <caption>{t('thieves.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('thieves.changedOn')}</th>
            <th scope="col">{t('thieves.status')}</th>
            <th scope="col">{t('thieves.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {v.history.map((h) => (
            <tr>
              <td>{h.changedOn}</td>
              <td>{t(`thief.status.${h.status}` as MessageKey)}</td>
              <td>{h.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="change-status">
        <h2 id="change-status">{t('thieves.change')}</h2>
        <ErrorSummary title={t('form.errors')} problems={Object.values(v.errors)} />
        <PostForm action={`${thiefPath(tt.id)}/status`} csrf={v.c.csrf}>
          <fieldset class={v.errors.status ? 'question invalid' : 'question'}>
            <legend>{t('thieves.newStatus')}</legend>
            <ErrorText id="status-error" message={v.errors.status} />
            {next.map((s, i) => (
              <label class="choice" for={`status-${s}`}>
                <input type="radio" id={`status-${s}`} name="status" value={s} checked={i === 0} />
                <span>{t(`thief.status.${s}` as MessageKey)}</span>
              </label>
            ))}
          </fieldset>
          <Field name="changedOn" type="date" label={t('thieves.changedOn')} value={v.today} error={v.errors.changedOn} required />
          <Field name="reason" label={t('thieves.reason')} hint={t('thieves.reason.hint')} error={v.errors.reason} />
          <button type="submit">{t('thieves.saveStatus')}</button>
        </PostForm>
      </section>
      <p>
        <a href={PATHS.timeThieves}>{t('thieves.back')}</a>
      </p>
    </Page>
  );
}
