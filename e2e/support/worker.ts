import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';

export type RunningWorker = {
  url: string;
  /** The process group of the worker (wrangler and its workerd), for measuring what it uses. */
  processGroup: () => number | undefined;
  stop: () => Promise<void>;
  /** Kills the worker without warning (SIGKILL, requests in flight die) and starts it again on the same port and database. */
  crashAndRestart: () => Promise<void>;
  /** Stops the worker as an outage would, keeping its database for `resume`. */
  halt: () => Promise<void>;
  /** Starts a halted worker again on the same port and database. */
  resume: () => Promise<void>;
};

/**
 * Starts the worker the way `PORT=N npm run worker` does, on a free port with a fresh database and
 * secrets of its own: never the developer's `.dev.vars`, whose keys reach real providers.
 */
export async function startWorker(vars: Record<string, string> = {}): Promise<RunningWorker> {
  const port = await freePort();
  const state = mkdtempSync(join(tmpdir(), 'estait-worker-'));
  const args = Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
  const varsFile = join(state, 'vars');
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess;

  const launch = async () => {
    child = spawn(process.execPath, ['scripts/worker.mjs', ...args], {
      env: {
        ...process.env,
        PORT: String(port),
        STATE_DIR: state,
        VARS_FILE: varsFile,
        CLOUDFLARE_INCLUDE_PROCESS_ENV: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let log = '';
    child.stdout?.on('data', (d) => (log += d));
    child.stderr?.on('data', (d) => (log += d));
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the worker exited (${child.exitCode}):\n${log}`);
      const ok = await fetch(`${url}/v1/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) {
        // Wrangler names each file of secrets it read: only this worker's own may be among them.
        const foreign = [...log.matchAll(/Using secrets defined in (.+)/g)]
          .map((m) => (m[1] ?? '').trim())
          .filter((f) => resolve(f) !== varsFile);
        if (foreign.length) {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
          throw new Error(`the worker read secrets from ${foreign.join(', ')}, not only its own:\n${log}`);
        }
        return;
      }
      if (Date.now() > deadline) throw new Error(`the worker did not start in 30 s:\n${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const kill = async (signal: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, signal);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  };

  await launch();
  return {
    url,
    processGroup: () => child.pid,
    stop: async () => {
      await kill('SIGTERM');
      rmSync(state, { recursive: true, force: true });
    },
    crashAndRestart: async () => {
      await kill('SIGKILL');
      await launch();
    },
    halt: () => kill('SIGTERM'),
    resume: launch,
  };
}
