import { RESPONDENT_CATEGORY_LABELS, RespondentCategory } from '../../modules/survey/survey.enums';
import { ErrorSummary, Field, PostForm } from '../components';
import { Page } from '../layout';
import { MessageKey, text } from '../messages';
import { PATHS } from '../paths';
import type { PageContext } from '../pages/page-context';
import { CSRF_FIELD } from '../session/csrf';

export type WaveState = 'OPEN' | 'NOT_YET_OPEN' | 'CLOSED';

export interface WaveRow {
  id: string;
  label: string;
  opensOn: string;
  closesOn: string;
  state: WaveState;
  responses: number;
  /** Staff invited over the links that say so, and the rate (null when not shown: too few invited). */
  invited: number | null;
  rate: number | null;
}

export interface LinkRow {
  id: string;
  url: string;
  createdAt: string;
  responses: number;
  invited: number | null;
  revokedAt: string | null;
  revokeReason: string | null;
}

export interface UnitLinks {
  id: string;
  name: string;
  links: LinkRow[];
}

export const wavePath = (id: string) => `${PATHS.surveys}/${id}`;

/** A rate as people write it: "42 %" in Swedish (with a space), "42%" in English. */
const percent = (rate: number | null, lang: 'sv' | 'en') => (rate === null ? '–' : `${Math.round(rate * 100)}${lang === 'sv' ? '\u00a0%' : '%'}`);

function StateText({ c, w }: { c: PageContext; w: Pick<WaveRow, 'state' | 'opensOn'> }) {
  return <>{text(c.lang, `wave.state.${w.state}` as MessageKey, { opensOn: w.opensOn })}</>;
}

export type OpenValues = Record<'pilotId' | 'instrumentId' | 'label' | 'opensOn' | 'closesOn', string> & {
  unitIds: string[];
  categories: string[];
  asksTenure: boolean;
};

export interface OpenWaveView {
  pilots: { id: string; name: string }[];
  instruments: { id: string; name: string }[];
  units: { id: string; name: string }[];
  formId: string;
  values: OpenValues;
  errors: Partial<Record<keyof OpenValues | 'form', string>>;
}

/** A new wave for some of the reporter's own units. */
function OpenWaveForm({ c, o }: { c: PageContext; o: OpenWaveView }) {
  const t = (key: MessageKey) => text(c.lang, key);
  const select = (name: 'pilotId' | 'instrumentId', label: MessageKey, options: { id: string; name: string }[]) => (
    <div class="question">
      <label for={name}>{t(label)}</label>
      <select id={name} name={name}>
        {options.map((p) => (
          <option value={p.id} selected={o.values[name] === p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section aria-labelledby="open-wave">
      <h2 id="open-wave">{t('waves.open')}</h2>
      <p class="hint">{t('waves.open.help')}</p>
      <ErrorSummary title={t('form.errors')} problems={Object.values(o.errors)} />
      <PostForm action={PATHS.surveys} csrf={c.csrf}>
        <input type="hidden" name="formId" value={o.formId} />
        {select('pilotId', 'waves.pilot', o.pilots)}
        {select('instrumentId', 'waves.instrument', o.instruments)}
        <Field name="label" label={t('waves.label')} hint={t('waves.label.hint')} value={o.values.label} error={o.errors.label} required />
        <Field name="opensOn" type="date" label={t('waves.opensOn')} value={o.values.opensOn} error={o.errors.opensOn} required />
        <Field name="closesOn" type="date" label={t('waves.closesOn')} value={o.values.closesOn} error={o.errors.closesOn} required />
        <fieldset class={o.errors.unitIds ? 'question invalid' : 'question'}>
          <legend>{t('waves.units')}</legend>
          {o.errors.unitIds && (
            <p class="error" id="unitIds-error">
              {o.errors.unitIds}
            </p>
          )}
          {o.units.map((u) => (
            <label class="choice" for={`unit-${u.id}`}>
              <input type="checkbox" id={`unit-${u.id}`} name="unitIds" value={u.id} checked={o.values.unitIds.includes(u.id)} />
              <span>{u.name}</span>
            </label>
          ))}
        </fieldset>
        <fieldset class={o.errors.categories ? 'question invalid' : 'question'}>
          <legend>{t('waves.categories')}</legend>
          {o.errors.categories && (
            <p class="error" id="categories-error">
              {o.errors.categories}
            </p>
          )}
          {Object.values(RespondentCategory).map((rc) => (
            <label class="choice" for={`category-${rc}`}>
              <input type="checkbox" id={`category-${rc}`} name="categories" value={rc} checked={o.values.categories.includes(rc)} />
              <span>{RESPONDENT_CATEGORY_LABELS[rc][c.lang]}</span>
            </label>
          ))}
        </fieldset>
        <fieldset class="question">
          <legend>{t('waves.asksTenure')}</legend>
          {(['yes', 'no'] as const).map((a) => (
            <label class="choice" for={`asksTenure-${a}`}>
              <input type="radio" id={`asksTenure-${a}`} name="asksTenure" value={a} checked={o.values.asksTenure === (a === 'yes')} />
              <span>{t(a === 'yes' ? 'report.yes' : 'report.no')}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit">{t('waves.openSubmit')}</button>
      </PostForm>
    </section>
  );
}

/** The waves a reporter's units take part in, with how many have answered, and a new one. */
export function WavesPage({ c, waves, open }: { c: PageContext; waves: WaveRow[]; open: OpenWaveView }) {
  const t = (key: MessageKey) => text(c.lang, key);
  return (
    <Page lang={c.lang} title={t('waves.title')} switchHref={c.switchHref} nav={c.nav}>
      <h1>{t('waves.title')}</h1>
      <p>{t('waves.intro')}</p>
      {waves.length === 0 ? (
        <p>{t('waves.none')}</p>
      ) : (
        <table>
          <caption>{t('waves.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('waves.wave')}</th>
              <th scope="col">{t('waves.period')}</th>
              <th scope="col">{t('waves.state')}</th>
              <th scope="col">{t('waves.responses')}</th>
              <th scope="col">{t('waves.invited')}</th>
              <th scope="col">{t('waves.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {waves.map((w) => (
              <tr>
                <td>
                  <a href={wavePath(w.id)}>{w.label}</a>
                </td>
                <td>{`${w.opensOn} – ${w.closesOn}`}</td>
                <td>
                  <StateText c={c} w={w} />
                </td>
                <td>{w.responses}</td>
                <td>{w.invited ?? '–'}</td>
                <td>{percent(w.rate, c.lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <OpenWaveForm c={c} o={open} />
    </Page>
  );
}

export interface WaveView {
  c: PageContext;
  wave: WaveRow;
  units: UnitLinks[];
  formId: string;
  /** A message after a change (a new link, a count set, a link closed, a file stored). */
  done?: string;
  errors: Partial<Record<string, string>>;
  /** Every bad line of an uploaded file (nothing was stored). */
  csvProblems: string[];
  /** Whether the caller may close or reopen it (every unit of the wave theirs). */
  mayClose: boolean;
}

function LinkTable({ v, unit }: { v: WaveView; unit: UnitLinks }) {
  const t = (key: MessageKey) => text(v.c.lang, key);
  if (!unit.links.length) return <p>{t('wave.noLinks')}</p>;
  return (
    <table>
      <caption>{`${t('wave.links')}: ${unit.name}`}</caption>
      <thead>
        <tr>
          <th scope="col">{t('wave.link')}</th>
          <th scope="col">{t('wave.created')}</th>
          <th scope="col">{t('waves.responses')}</th>
          <th scope="col">{t('waves.invited')}</th>
          <th scope="col">{t('wave.change')}</th>
        </tr>
      </thead>
      <tbody>
        {unit.links.map((l) => (
          <tr id={`lank-${l.id}`}>
            <td>
              {l.revokedAt ? (
                <span>{`${t('wave.revoked')} (${l.revokeReason})`}</span>
              ) : (
                <a class="url" href={l.url}>
                  {l.url}
                </a>
              )}
            </td>
            <td>{l.createdAt.slice(0, 10)}</td>
            <td>{l.responses}</td>
            <td>{l.invited ?? '–'}</td>
            <td>{!l.revokedAt && <LinkForms v={v} link={l} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Set how many were invited through a link, or close it: each with a reason for the audit trail. */
function LinkForms({ v, link }: { v: WaveView; link: LinkRow }) {
  const t = (key: MessageKey) => text(v.c.lang, key);
  const base = `${wavePath(v.wave.id)}/lankar/${link.id}`;
  return (
    <details class="link-forms">
      <summary>{t('wave.change')}</summary>
      <PostForm action={`${base}/inbjudna`} csrf={v.c.csrf} class="inline">
        <label for={`invited-${link.id}`}>{t('wave.invitedCount')}</label>
        <input id={`invited-${link.id}`} name="invited" type="number" inputmode="numeric" min={0} value={link.invited === null ? '' : String(link.invited)} />
        <label for={`invited-reason-${link.id}`}>{t('wave.reason')}</label>
        <input id={`invited-reason-${link.id}`} name="reason" type="text" />
        <button type="submit">{t('wave.saveInvited')}</button>
      </PostForm>
      <PostForm action={`${base}/stang`} csrf={v.c.csrf} class="inline">
        <label for={`revoke-reason-${link.id}`}>{t('wave.revokeReason')}</label>
        <input id={`revoke-reason-${link.id}`} name="reason" type="text" />
        <button type="submit" class="secondary">
          {t('wave.revoke')}
        </button>
      </PostForm>
    </details>
  );
}

/** One wave: its links per unit, a new link, and responses from a CSV file. */
export function WavePage({ v }: { v: WaveView }) {
  const t = (key: MessageKey, values?: Record<string, string>) => text(v.c.lang, key, values);
  const w = v.wave;
  return (
    <Page lang={v.c.lang} title={t('wave.title', { wave: w.label })} switchHref={v.c.switchHref} nav={v.c.nav}>
      <h1>{t('wave.title', { wave: w.label })}</h1>
      {v.done && (
        <p class="done" role="status">
          {v.done}
        </p>
      )}
      <ErrorSummary title={t('form.errors')} problems={Object.values(v.errors)} />
      <dl class="facts">
        <dt>{t('waves.period')}</dt>
        <dd>{`${w.opensOn} – ${w.closesOn}`}</dd>
        <dt>{t('waves.state')}</dt>
        <dd>
          <StateText c={v.c} w={w} />
        </dd>
        <dt>{t('waves.responses')}</dt>
        <dd id="response-count">{w.responses}</dd>
        <dt>{t('waves.invited')}</dt>
        <dd>{w.invited ?? '–'}</dd>
        <dt>{t('waves.rate')}</dt>
        <dd id="response-rate">{percent(w.rate, v.c.lang)}</dd>
      </dl>
      <p class="hint">{t('wave.anonymity')}</p>
      {v.mayClose && (
        <details class="link-forms">
          <summary>{t(w.state === 'CLOSED' ? 'wave.reopen' : 'wave.close')}</summary>
          <PostForm action={`${wavePath(w.id)}/${w.state === 'CLOSED' ? 'oppna-igen' : 'stang'}`} csrf={v.c.csrf}>
            {w.state === 'CLOSED' && <Field name="closesOn" type="date" label={t('waves.closesOn')} value={w.closesOn} error={v.errors.closesOn} />}
            <Field name="reason" label={t('users.reason')} error={v.errors.reason} required />
            <button type="submit" class="secondary">
              {t(w.state === 'CLOSED' ? 'wave.reopen' : 'wave.close')}
            </button>
          </PostForm>
        </details>
      )}
      {v.units.map((unit) => (
        <section aria-labelledby={`unit-${unit.id}`}>
          <h2 id={`unit-${unit.id}`}>{unit.name}</h2>
          <LinkTable v={v} unit={unit} />
        </section>
      ))}
      {w.state !== 'CLOSED' && v.units.length > 0 && (
        <section aria-labelledby="new-link">
          <h2 id="new-link">{t('wave.newLink')}</h2>
          <p class="hint">{t('wave.newLink.help')}</p>
          <PostForm action={`${wavePath(w.id)}/lankar`} csrf={v.c.csrf}>
            <input type="hidden" name="formId" value={v.formId} />
            <div class="question">
              <label for="unitId">{t('reporting.unit')}</label>
              <select id="unitId" name="unitId">
                {v.units.map((u) => (
                  <option value={u.id}>{u.name}</option>
                ))}
              </select>
            </div>
            <Field
              name="invited"
              type="number"
              label={t('wave.invitedCount')}
              hint={t('wave.invited.help')}
              inputmode="numeric"
              min={0}
              error={v.errors.invited}
            />
            <button type="submit">{t('wave.create')}</button>
          </PostForm>
        </section>
      )}
      {w.state === 'OPEN' && v.units.length > 0 && (
        <section aria-labelledby="csv">
          <h2 id="csv">{t('wave.csv')}</h2>
          <p>
            {t('wave.csv.help')} <a href={`/surveys/waves/${w.id}/template.csv`}>{t('wave.csv.template')}</a>
          </p>
          {v.csvProblems.length > 0 && (
            <div class="summary" role="alert">
              <p>{t('wave.csv.problems', { count: String(v.csvProblems.length) })}</p>
              <ul>
                {v.csvProblems.map((p) => (
                  <li>{p}</li>
                ))}
              </ul>
            </div>
          )}
          <form method="post" action={`${wavePath(w.id)}/csv`} enctype="multipart/form-data">
            <input type="hidden" name={CSRF_FIELD} value={v.c.csrf} />
            <div class="question">
              <label for="file">{t('wave.csv.file')}</label>
              <input id="file" name="file" type="file" accept=".csv,text/csv" />
            </div>
            <button type="submit">{t('wave.csv.send')}</button>
          </form>
        </section>
      )}
      <p>
        <a href={PATHS.surveys}>{t('wave.back')}</a>
      </p>
    </Page>
  );
}
