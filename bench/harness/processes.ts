import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { once } from 'node:events';

/** A server under test in its own process: started, waited for, its memory sampled, stopped. */
export class ServerProcess {
  private peakRss = 0;
  private sampler: NodeJS.Timeout | null = null;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(name: string, args: string[], env: Record<string, string>, port: number, readyPath: string): Promise<ServerProcess> {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}): ${stderr}`);
      try {
        const res = await fetch(url + readyPath);
        // Ready only if our own child answers (not something else already on the port).
        if (res.ok && child.exitCode === null) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${name} did not become ready: ${stderr}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const server = new ServerProcess(name, child, url);
    server.sampler = setInterval(() => server.sample(), 100);
    return server;
  }

  /** Resident memory now, in MiB (Linux /proc). */
  rss(): number {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8'))?.[1] ?? 0);
      return kb / 1024;
    } catch {
      return 0;
    }
  }

  private sample(): void {
    this.peakRss = Math.max(this.peakRss, this.rss());
  }

  /** Peak resident memory since the last reset, in MiB. */
  takePeakRss(): number {
    this.sample();
    const peak = this.peakRss;
    this.peakRss = this.rss();
    return peak;
  }

  async stop(): Promise<void> {
    if (this.sampler) clearInterval(this.sampler);
    if (this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    await Promise.race([once(this.child, 'exit'), new Promise((r) => setTimeout(r, 10_000))]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
