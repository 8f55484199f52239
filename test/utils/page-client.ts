/**
 * A browser without JavaScript, over real HTTP: keeps the session cookie, follows nothing by
 * itself (tests see each redirect), and sends a form with the CSRF token of the last page.
 */
export class PageClient {
  private cookie: string | undefined;
  /** The last page's HTML. */
  html = '';
  /** The CSRF token of the last page that had a form (as a form left open in another tab). */
  private csrf = '';

  constructor(private readonly base: string) {}

  get sessionCookie(): string | undefined {
    return this.cookie;
  }

  async get(path: string): Promise<{ status: number; location: string | null; html: string }> {
    return this.request(path, { method: 'GET' });
  }

  /** Posts the fields, with the `_csrf` of the last form seen unless given. */
  async post(path: string, fields: Record<string, string>): Promise<{ status: number; location: string | null; html: string }> {
    const body = new URLSearchParams({ _csrf: this.csrf, ...fields }).toString();
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** Sends a file as a form does (multipart), with the `_csrf` of the last form seen unless given. */
  async upload(path: string, file: { field: string; name: string; content: string | Uint8Array<ArrayBuffer> }, fields: Record<string, string> = {}) {
    const form = new FormData();
    for (const [k, v] of Object.entries({ _csrf: this.csrf, ...fields })) form.append(k, v);
    form.append(file.field, new Blob([file.content], { type: 'text/csv' }), file.name);
    return this.request(path, { method: 'POST', body: form });
  }

  /** A hidden or filled-in field's value on the last page. */
  field(name: string): string | undefined {
    const m = new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(this.html);
    return m?.[1].replace(/&amp;/g, '&');
  }

  /** The page's text content, tags removed (for assertions on what a person reads). */
  text(): string {
    return this.html
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ');
  }

  private async request(path: string, init: RequestInit): Promise<{ status: number; location: string | null; html: string }> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const res = await fetch(`${this.base}${path}`, { ...init, headers, redirect: 'manual' });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = /expires=Thu, 01 Jan 1970/i.test(set) ? undefined : set.split(';')[0];
    this.html = await res.text();
    this.csrf = this.field('_csrf') ?? this.csrf;
    return { status: res.status, location: res.headers.get('location'), html: this.html };
  }
}
