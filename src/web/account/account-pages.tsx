import { PASSWORD_MIN } from '../../modules/user/dto/create-user.input';
import { ErrorSummary, Field, PostForm } from '../components';
import { Page } from '../layout';
import { Lang, MessageKey, text } from '../messages';
import { PATHS } from '../paths';
import type { PageContext } from '../pages/page-context';

export interface SignInView {
  lang: Lang;
  csrf: string;
  next: string;
  email: string;
  error?: string;
  apiUrl: string;
}

export function SignInPage({ v }: { v: SignInView }) {
  const t = (key: MessageKey, values?: Record<string, string>) => text(v.lang, key, values);
  const action = `${PATHS.signIn}?next=${encodeURIComponent(v.next)}${v.lang === 'en' ? '&lang=en' : ''}`;
  return (
    <Page lang={v.lang} title={t('signIn.title')} switchHref={`${PATHS.signIn}?lang=${v.lang === 'sv' ? 'en' : 'sv'}`}>
      <h1>{t('signIn.title')}</h1>
      <ErrorSummary title={t('form.errors')} problems={[v.error]} />
      <PostForm action={action} csrf={v.csrf}>
        <Field name="email" type="email" label={t('signIn.email')} value={v.email} autocomplete="username" required />
        <Field name="password" type="password" label={t('signIn.password')} autocomplete="current-password" required />
        <button type="submit">{t('signIn.submit')}</button>
      </PostForm>
      <p class="hint">{t('signIn.api', { url: `${v.apiUrl}/graphql` })}</p>
    </Page>
  );
}

/** Messages of a password form, by field. */
export type PasswordErrors = Partial<Record<'currentPassword' | 'newPassword' | 'repeat', string>>;

/** The checks of a new password a person types twice (the service checks the length again). */
export function checkNewPassword(lang: Lang, password: unknown, repeat: unknown): PasswordErrors {
  if (typeof password !== 'string' || password.length < PASSWORD_MIN) return { newPassword: text(lang, 'password.error.short', { min: PASSWORD_MIN }) };
  if (password.length > 200) return { newPassword: text(lang, 'password.error.long') };
  if (password !== repeat) return { repeat: text(lang, 'password.error.repeat') };
  return {};
}

function NewPasswordFields({ lang, errors }: { lang: Lang; errors: PasswordErrors }) {
  return (
    <>
      <Field
        name="newPassword"
        type="password"
        label={text(lang, 'password.new')}
        hint={text(lang, 'password.hint', { min: PASSWORD_MIN })}
        error={errors.newPassword}
        autocomplete="new-password"
        required
      />
      <Field name="repeat" type="password" label={text(lang, 'password.repeat')} error={errors.repeat} autocomplete="new-password" required />
    </>
  );
}

export function ChangePasswordPage({ c, errors, saved }: { c: PageContext; errors: PasswordErrors; saved: boolean }) {
  const t = (key: MessageKey) => text(c.lang, key);
  return (
    <Page lang={c.lang} title={t('password.title')} switchHref={c.switchHref} nav={c.nav}>
      <h1>{t('password.title')}</h1>
      {saved && (
        <p class="done" role="status">
          {t('password.saved')}
        </p>
      )}
      <ErrorSummary title={t('form.errors')} problems={Object.values(errors)} />
      <PostForm action={PATHS.password} csrf={c.csrf}>
        <Field name="currentPassword" type="password" label={t('password.current')} error={errors.currentPassword} autocomplete="current-password" required />
        <NewPasswordFields lang={c.lang} errors={errors} />
        <button type="submit">{t('password.submit')}</button>
      </PostForm>
    </Page>
  );
}

export interface InvitationView {
  lang: Lang;
  csrf: string;
  action: string;
  name: string;
  email: string;
  errors: PasswordErrors;
}

export function InvitationPage({ v }: { v: InvitationView }) {
  const t = (key: MessageKey, values?: Record<string, string>) => text(v.lang, key, values);
  return (
    <Page lang={v.lang} title={t('invitation.title')}>
      <h1>{t('invitation.title')}</h1>
      <p>{t('invitation.intro', { name: v.name, email: v.email })}</p>
      <ErrorSummary title={t('form.errors')} problems={Object.values(v.errors)} />
      <PostForm action={v.action} csrf={v.csrf}>
        {/* For password managers: which account the new password belongs to. */}
        <input type="hidden" name="username" value={v.email} autocomplete="username" />
        <NewPasswordFields lang={v.lang} errors={v.errors} />
        <button type="submit">{t('invitation.submit')}</button>
      </PostForm>
    </Page>
  );
}
