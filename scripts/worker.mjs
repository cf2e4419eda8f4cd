#!/usr/bin/env node
// Starts the worker alone on workerd with its local D1 database migrated — no Cloudflare account.
//   PORT=8787 npm run worker        (STATE_DIR=dir keeps the local database somewhere else;
//   VARS_FILE=file reads the secrets from that file instead of .dev.vars, as the tests do;
//   arguments after `--` go to wrangler dev, e.g. `-- --var REALESTATE_API_KEY:…`)
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wrangler = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');
const port = process.env.PORT || '8787';
const persist = process.env.STATE_DIR ? ['--persist-to', process.env.STATE_DIR] : [];
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', CI: 'true' };

// Local defaults: secrets of this machine's own (sessions, CRM tokens at rest) and local sign-in.
// Only a line that is missing or empty is filled in; every other line stays as written.
const varsFile = process.env.VARS_FILE ? resolve(process.env.VARS_FILE) : join(root, '.dev.vars');
const defaults = {
  SESSION_SECRET: () => randomBytes(32).toString('base64url'),
  LOCAL_MODE: () => 'true',
  TOKEN_ENCRYPTION_KEY: () => randomBytes(32).toString('base64url'),
};
let vars = existsSync(varsFile) ? readFileSync(varsFile, 'utf8') : '';
const before = vars;
for (const [name, value] of Object.entries(defaults)) {
  const line = `^[ \\t]*(?:export[ \\t]+)?${name}[ \\t]*=[ \\t]*`;
  if (new RegExp(`${line}[^\\s#]`, 'm').test(vars)) continue;
  const empty = new RegExp(`${line}$`, 'm');
  if (empty.test(vars)) vars = vars.replace(empty, `${name}=${value()}`);
  else vars = `${vars}${vars && !vars.endsWith('\n') ? '\n' : ''}${name}=${value()}\n`;
}
if (vars !== before) writeFileSync(varsFile, vars);
// With VARS_FILE, wrangler reads that file alone: neither .dev.vars nor .env.
const varsArgs = process.env.VARS_FILE ? ['--env-file', varsFile] : [];

const migrate = spawnSync(process.execPath, [wrangler, 'd1', 'migrations', 'apply', 'DB', '--local', ...persist], {
  cwd: root,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
});
if (migrate.status !== 0) {
  process.stderr.write(migrate.stdout);
  process.exit(migrate.status ?? 1);
}

const dev = spawn(
  process.execPath,
  [
    wrangler,
    'dev',
    '--local',
    '--ip',
    '127.0.0.1',
    '--port',
    port,
    '--inspector-port',
    '0',
    '--show-interactive-dev-session=false',
    ...varsArgs,
    ...persist,
    ...process.argv.slice(2),
  ],
  { cwd: root, env, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => dev.kill(signal));
dev.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
