import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Where Debian's nginx package puts the server; NGINX_PATH names another. */
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** The upstream's access-log line: which API instance answered, and how. */
const LOG_FORMAT = '$upstream_addr $status $request_time';

/**
 * nginx (Debian's package) in front of several API processes: round robin, keep-alive to the
 * upstreams, nothing cached or retried (a write is sent to one instance, once). It runs in the
 * foreground from a config and a directory of its own under the system's temp directory, so it
 * needs no root and leaves nothing behind; its access log says which instance answered each
 * request.
 */
export class LoadBalancer {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly url: string,
  ) {}

  static available(): boolean {
    return spawnSync(NGINX, ['-v'], { stdio: 'ignore' }).status === 0;
  }

  static async start(port: number, upstreams: string[]): Promise<LoadBalancer> {
    if (!LoadBalancer.available()) throw new Error(`nginx not found at ${NGINX}: install Debian's package (apt-get install nginx-light), or set NGINX_PATH`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-lb-'));
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, 'nginx.conf'), config(dir, port, upstreams));
    const child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${stderr}${readIf(path.join(dir, 'error.log'))}`);
      try {
        if ((await fetch(`${url}/health/live`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`nginx did not answer: ${stderr}${readIf(path.join(dir, 'error.log'))}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const lb = new LoadBalancer(child, dir, url);
    lb.answeredBy();
    return lb;
  }

  /** Requests answered per upstream (`host:port`) since the last call, from the access log. */
  answeredBy(): Map<string, number> {
    const file = path.join(this.dir, 'access.log');
    const counts = new Map<string, number>();
    for (const line of readIf(file).split('\n')) {
      const [upstream] = line.split(' ');
      if (upstream) counts.set(upstream, (counts.get(upstream) ?? 0) + 1);
    }
    fs.writeFileSync(file, '');
    return counts;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      this.child.kill('SIGQUIT'); // graceful: finish what is in flight
      await Promise.race([once(this.child, 'exit'), new Promise((r) => setTimeout(r, 5_000))]);
      if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

const readIf = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');

function config(dir: string, port: number, upstreams: string[]): string {
  const temp = (name: string) => path.join(dir, name);
  // As root, nginx would hand its workers to `nobody`, who could not write this directory.
  const user = process.getuid?.() === 0 ? 'user root;' : '';
  return `# Written by bench/harness/load-balancer.ts for one benchmark run.
${user}
daemon off;
worker_processes 1;
pid ${temp('nginx.pid')};
events { worker_connections 1024; }
http {
  log_format upstream '${LOG_FORMAT}';
  access_log ${temp('access.log')} upstream;
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  client_max_body_size 50m;
  upstream api {
${upstreams.map((u) => `    server ${u.replace(/^http:\/\//, '')};`).join('\n')}
    keepalive 64;
    # Shorter than Node's keepAliveTimeout (5 s): nginx must never reuse a connection the API is
    # closing, or a request on it fails with 502 (it is not retried: proxy_next_upstream off).
    keepalive_timeout 4s;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_next_upstream off;
      proxy_read_timeout 120s;
    }
  }
}
`;
}
