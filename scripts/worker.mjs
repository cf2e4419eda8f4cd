#!/usr/bin/env node
// Starts the worker alone on workerd with its local D1 database migrated — no Cloudflare account.
//   PORT=8787 npm run worker        (STATE_DIR=dir keeps the local database somewhere else;
//   arguments after `--` go to wrangler dev, e.g. `-- --var REALESTATE_API_KEY:…`)
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wrangler = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');
const port = process.env.PORT || '8787';
const persist = process.env.STATE_DIR ? ['--persist-to', process.env.STATE_DIR] : [];
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', CI: 'true' };

// Local defaults: secrets of this machine's own (sessions, CRM tokens at rest) and local sign-in, unless already set.
const varsFile = join(root, '.dev.vars');
const vars = existsSync(varsFile) ? readFileSync(varsFile, 'utf8') : '';
const missing = [];
if (!/^SESSION_SECRET=/m.test(vars)) missing.push(`SESSION_SECRET=${randomBytes(32).toString('base64url')}`);
if (!/^LOCAL_MODE=/m.test(vars)) missing.push('LOCAL_MODE=true');
if (!/^TOKEN_ENCRYPTION_KEY=/m.test(vars)) missing.push(`TOKEN_ENCRYPTION_KEY=${randomBytes(32).toString('base64url')}`);
if (missing.length) writeFileSync(varsFile, `${vars}${vars && !vars.endsWith('\n') ? '\n' : ''}${missing.join('\n')}\n`);

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
    ...persist,
    ...process.argv.slice(2),
  ],
  { cwd: root, env, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => dev.kill(signal));
dev.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
