import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { login } from '../factories';
import { startTestApp, TestApp } from '../utils/test-app';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Runs a command on a pseudo-terminal (Python's pty module), types `typed` once `prompt` has
 * appeared, and returns everything the terminal showed: what a person at the keyboard would see.
 */
function onTerminal(argv: string[], env: NodeJS.ProcessEnv, prompt: string, typed: string): string {
  const script = `
import os, pty, sys, json, time
argv, prompt, typed = json.loads(sys.argv[1]), sys.argv[2].encode(), sys.argv[3].encode()
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)
out, sent, deadline = b'', False, time.time() + 90
while time.time() < deadline:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
    if not sent and prompt in out:
        os.write(fd, typed + b'\\r')
        sent = True
os.waitpid(pid, 0)
sys.stdout.write(out.decode('utf-8', 'replace'))
`;
  return execFileSync('python3', ['-c', script, JSON.stringify(argv), prompt, typed], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
}

describe('the command line', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('create-admin reads the password at a terminal without showing it', async () => {
    const password = 'ett-mycket-hemligt-lösenord-91';
    const env = { ...process.env, DATABASE_URL: t.superuserUrl, LOG_LEVEL: 'warn', ADMIN_PASSWORD: '' };
    const shown = onTerminal(
      [process.execPath, '-r', 'ts-node/register/transpile-only', 'src/cli/main.ts', 'create-admin', '--email', 'tty-admin@example.se'],
      env,
      'Password for the new admin:',
      password,
    );
    expect(shown).toContain('Password for the new admin:');
    expect(shown).toMatch(/created ADMIN tty-admin@example\.se/);
    expect(shown).not.toContain(password);
    expect(shown).not.toContain('ett-mycket');
    expect(await login(t, 'tty-admin@example.se', password)).toEqual(expect.any(String));
  }, 120_000);
});
