import { SurveyDimension } from '../../modules/survey/survey.enums';
import { Field } from '../components';
import { Page } from '../layout';
import { MessageKey, text } from '../messages';
import { PATHS } from '../paths';
import type { PageContext } from '../pages/page-context';

export interface WaveResults {
  label: string;
  opensOn: string;
  /** Per dimension: the published mean and n, or null where suppressed. */
  cells: Partial<Record<SurveyDimension, { mean: number; n: number } | null>>;
}

export interface BurdenRow {
  bucketStart: string;
  bucketEnd: string;
  staffHours: number;
  staffCount: number;
  reports: number;
}

export interface ResultsView {
  c: PageContext;
  organisation: string;
  range: { from: string; to: string };
  waves: WaveResults[];
  burden: BurdenRow[];
  minGroupSize: number;
}

const number = (c: PageContext, n: number, digits = 1) => n.toLocaleString(c.lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: digits });

/**
 * The organisation's own aggregated results: discretion and trust per wave (the API's published,
 * perturbed cells; a suppressed one shows only that it is), and burden reported per quarter.
 */
export function ResultsPage({ v }: { v: ResultsView }) {
  const t = (key: MessageKey, values?: Record<string, string>) => text(v.c.lang, key, values);
  const dimensions = Object.values(SurveyDimension).filter((d) => v.waves.some((w) => d in w.cells));
  return (
    <Page lang={v.c.lang} title={t('results.title')} switchHref={v.c.switchHref} nav={v.c.nav}>
      <h1>{t('results.title')}</h1>
      <p>{t('results.intro', { organisation: v.organisation, min: String(v.minGroupSize) })}</p>
      <form method="get" action={PATHS.results} class="filters">
        <Field name="from" type="date" label={t('reporting.from')} value={v.range.from} />
        <Field name="to" type="date" label={t('reporting.to')} value={v.range.to} />
        <button type="submit">{t('reporting.show')}</button>
      </form>
      <h2>{t('results.discretion')}</h2>
      {v.waves.length === 0 ? (
        <p>{t('results.noWaves')}</p>
      ) : (
        <table>
          <caption>{t('results.discretion.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.dimension')}</th>
              {v.waves.map((w) => (
                <th scope="col">{`${w.label} (${w.opensOn})`}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dimensions.map((d) => (
              <tr>
                <th scope="row">{t(`dimension.${d}` as MessageKey)}</th>
                {v.waves.map((w) => {
                  const cell = w.cells[d];
                  return <td>{cell ? `${number(v.c, cell.mean)} (n = ${cell.n})` : cell === null ? t('results.suppressed') : '–'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('results.burden')}</h2>
      {v.burden.length === 0 ? (
        <p>{t('results.noBurden')}</p>
      ) : (
        <table>
          <caption>{t('results.burden.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reporting.period')}</th>
              <th scope="col">{t('results.hours')}</th>
              <th scope="col">{t('results.staff')}</th>
              <th scope="col">{t('results.reports')}</th>
            </tr>
          </thead>
          <tbody>
            {v.burden.map((b) => (
              <tr>
                <td>{`${b.bucketStart} – ${b.bucketEnd}`}</td>
                <td>{number(v.c, b.staffHours)}</td>
                <td>{number(v.c, b.staffCount)}</td>
                <td>{b.reports}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
