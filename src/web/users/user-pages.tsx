import { Role } from '../../common/auth/role.enum';
import { ErrorSummary, Field, PostForm } from '../components';
import { Page } from '../layout';
import { MessageKey, text } from '../messages';
import { PATHS } from '../paths';
import type { PageContext } from '../pages/page-context';

export const userPath = (id: string) => `${PATHS.users}/${id}`;

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisation: string;
  active: boolean;
}

export type InviteValues = Record<'email' | 'displayName' | 'role' | 'organisationId', string>;

export interface UsersView {
  c: PageContext;
  users: UserRow[];
  search: string;
  organisations: { id: string; name: string }[];
  formId: string;
  values: InviteValues;
  errors: Partial<Record<keyof InviteValues | 'form', string>>;
}

const roleLabel = (c: PageContext, role: Role) => text(c.lang, `role.${role}` as MessageKey);

/** Every account, a search, and an invitation to a new one (admins). */
export function UsersPage({ v }: { v: UsersView }) {
  const t = (key: MessageKey) => text(v.c.lang, key);
  return (
    <Page lang={v.c.lang} title={t('users.title')} switchHref={v.c.switchHref} nav={v.c.nav}>
      <h1>{t('users.title')}</h1>
      <form method="get" action={PATHS.users} class="filters">
        <Field name="q" type="text" label={t('users.search')} value={v.search} />
        <button type="submit">{t('reporting.show')}</button>
      </form>
      <table>
        <caption>{t('users.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.name')}</th>
            <th scope="col">{t('signIn.email')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.organisation')}</th>
            <th scope="col">{t('users.state')}</th>
          </tr>
        </thead>
        <tbody>
          {v.users.map((u) => (
            <tr>
              <td>
                <a href={userPath(u.id)}>{u.name}</a>
              </td>
              <td>{u.email}</td>
              <td>{roleLabel(v.c, u.role)}</td>
              <td>{u.organisation}</td>
              <td>{t(u.active ? 'users.active' : 'users.inactive')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="invite">
        <h2 id="invite">{t('users.invite')}</h2>
        <p class="hint">{t('users.invite.help')}</p>
        <ErrorSummary title={t('form.errors')} problems={Object.values(v.errors)} />
        <PostForm action={PATHS.users} csrf={v.c.csrf}>
          <input type="hidden" name="formId" value={v.formId} />
          <Field name="email" type="email" label={t('signIn.email')} value={v.values.email} error={v.errors.email} required />
          <Field name="displayName" label={t('users.name')} value={v.values.displayName} error={v.errors.displayName} required />
          <div class="question">
            <label for="role">{t('users.role')}</label>
            <select id="role" name="role">
              {Object.values(Role).map((r) => (
                <option value={r} selected={v.values.role === r}>
                  {roleLabel(v.c, r)}
                </option>
              ))}
            </select>
          </div>
          <div class="question">
            <label for="organisationId">{t('users.organisation')}</label>
            <p class="hint" id="organisationId-hint">
              {t('users.organisation.help')}
            </p>
            <select id="organisationId" name="organisationId" aria-describedby="organisationId-hint">
              <option value="">–</option>
              {v.organisations.map((o) => (
                <option value={o.id} selected={v.values.organisationId === o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('users.inviteSubmit')}</button>
        </PostForm>
      </section>
    </Page>
  );
}

/** The one-time link, shown once for the admin to pass on. */
export function LinkShown({ c, name, url, expiresAt }: { c: PageContext; name: string; url: string; expiresAt: string }) {
  const t = (key: MessageKey, values?: Record<string, string>) => text(c.lang, key, values);
  return (
    <Page lang={c.lang} title={t('users.link.title')} switchHref={c.switchHref} nav={c.nav}>
      <h1>{t('users.link.title')}</h1>
      <p>{t('users.link.body', { name, expiresAt })}</p>
      <p>
        <label for="link">{t('users.link.label')}</label>
        <input id="link" type="text" readonly value={url} class="url-field" />
      </p>
      <p class="hint">{t('users.link.once')}</p>
      <p>
        <a href={PATHS.users}>{t('users.back')}</a>
      </p>
    </Page>
  );
}

export interface UserView {
  c: PageContext;
  user: UserRow;
  errors: Partial<Record<'reason' | 'form', string>>;
  done?: string;
}

/** One account: a new password link, or deactivation (each with a reason). */
export function UserPage({ v }: { v: UserView }) {
  const t = (key: MessageKey) => text(v.c.lang, key);
  const u = v.user;
  return (
    <Page lang={v.c.lang} title={u.name} switchHref={v.c.switchHref} nav={v.c.nav}>
      <h1>{u.name}</h1>
      {v.done && (
        <p class="done" role="status">
          {v.done}
        </p>
      )}
      <dl class="facts">
        <dt>{t('signIn.email')}</dt>
        <dd>{u.email}</dd>
        <dt>{t('users.role')}</dt>
        <dd>{roleLabel(v.c, u.role)}</dd>
        <dt>{t('users.organisation')}</dt>
        <dd>{u.organisation || '–'}</dd>
        <dt>{t('users.state')}</dt>
        <dd id="state">{t(u.active ? 'users.active' : 'users.inactive')}</dd>
      </dl>
      <ErrorSummary title={t('form.errors')} problems={Object.values(v.errors)} />
      {u.active && (
        <section aria-labelledby="password-link">
          <h2 id="password-link">{t('users.newLink')}</h2>
          <p class="hint">{t('users.newLink.help')}</p>
          <PostForm action={`${userPath(u.id)}/losenordslank`} csrf={v.c.csrf}>
            <Field name="reason" label={t('wave.reason')} value="" />
            <button type="submit">{t('users.newLink.submit')}</button>
          </PostForm>
        </section>
      )}
      <section aria-labelledby="active">
        <h2 id="active">{t(u.active ? 'users.deactivate' : 'users.activate')}</h2>
        <PostForm action={`${userPath(u.id)}/${u.active ? 'stang-av' : 'aktivera'}`} csrf={v.c.csrf}>
          <Field name="activeReason" label={t('users.reason')} value="" required />
          <button type="submit" class="secondary">
            {t(u.active ? 'users.deactivate' : 'users.activate')}
          </button>
        </PostForm>
      </section>
      <p>
        <a href={PATHS.users}>{t('users.back')}</a>
      </p>
    </Page>
  );
}
