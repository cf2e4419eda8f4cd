#!/usr/bin/env node
// `npm run deploy`: puts the worker on Cloudflare. It checks first — the Cloudflare sign-in, the D1
// database id, the secrets the configured providers need, no local mode — and only then applies the
// remote D1 migrations and runs `wrangler deploy`, so a deploy that would not work never starts.
//   npm run deploy                  (needs `npx wrangler login`, or CLOUDFLARE_API_TOKEN)
//   npm run deploy -- --dry-run     (offline: checks wrangler.toml and bundles the worker; touches nothing)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unstable_readConfig } from 'wrangler';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wrangler = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');

/** The secrets the worker reads (worker/env.ts) and what each is for. */
const SECRETS = {
  SESSION_SECRET: 'signs the access tokens the worker hands the extension',
  TOKEN_ENCRYPTION_KEY: 'seals each agent’s CRM tokens and API key in D1 (AES-256-GCM)',
  WISEAGENT_CLIENT_ID: 'Wise Agent: the OAuth app’s client id',
  WISEAGENT_CLIENT_SECRET: 'Wise Agent: the OAuth app’s client secret',
  FUB_SYSTEM: 'Follow Up Boss: the registered system’s name (X-System)',
  FUB_SYSTEM_KEY: 'Follow Up Boss: the registered system’s key (X-System-Key)',
  OPENAI_API_KEY: 'AI model: the key of the OpenAI-compatible endpoint',
  REALESTATE_API_KEY: 'RealEstateAPI: the API key',
  RESO_BASE_URL: 'RESO Web API: the server’s OData root',
  RESO_TOKEN: 'RESO Web API: a bearer token',
  RESO_CLIENT_ID: 'RESO Web API: the client id (instead of RESO_TOKEN)',
  RESO_CLIENT_SECRET: 'RESO Web API: the client secret (instead of RESO_TOKEN)',
  RESO_TOKEN_URL: 'RESO Web API: the token endpoint (instead of RESO_TOKEN)',
};
/** Made by the operator, not handed out by a provider: 32+ random characters each. */
const RANDOM = ['SESSION_SECRET', 'TOKEN_ENCRYPTION_KEY'];
/** Names that must never sit in wrangler.toml's [vars], which is plain text in the repo. */
const KEYS = [
  'SESSION_SECRET',
  'TOKEN_ENCRYPTION_KEY',
  'WISEAGENT_CLIENT_SECRET',
  'FUB_SYSTEM_KEY',
  'FUB_API_KEY',
  'OPENAI_API_KEY',
  'REALESTATE_API_KEY',
  'RESO_TOKEN',
  'RESO_CLIENT_SECRET',
];

/**
 * A provider is on once any of its names is set (as in worker/env.ts), and then it needs all the
 * names of one of its `needs`. Without any CRM no agent could sign in, as local sign-in is off here.
 */
const PROVIDERS = [
  { kind: 'CRM', name: 'Wise Agent', uses: /^WISEAGENT_/, needs: [['WISEAGENT_CLIENT_ID', 'WISEAGENT_CLIENT_SECRET']] },
  { kind: 'CRM', name: 'Follow Up Boss', uses: /^FUB_/, needs: [['FUB_SYSTEM', 'FUB_SYSTEM_KEY']] },
  { kind: 'AI model', name: 'an OpenAI-compatible endpoint', uses: /^OPENAI_/, needs: [['OPENAI_API_KEY']] },
  { kind: 'MLS', name: 'RealEstateAPI', uses: /^REALESTATE_API_/, needs: [['REALESTATE_API_KEY']] },
  {
    kind: 'MLS',
    name: 'a RESO Web API server',
    uses: /^RESO_/,
    needs: [
      ['RESO_BASE_URL', 'RESO_TOKEN'],
      ['RESO_BASE_URL', 'RESO_CLIENT_ID', 'RESO_CLIENT_SECRET', 'RESO_TOKEN_URL'],
    ],
  },
];

const PLACEHOLDER_DB = /^0{8}-0{4}-0{4}-0{4}-0{12}$/;

function fail(...lines) {
  console.error(`\n✘ ${lines.join('\n  ')}\n`);
  process.exit(1);
}

/** Runs wrangler with its output captured; the status and both streams. */
function capture(...args) {
  const result = spawnSync(process.execPath, [wrangler, ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { ok: result.status === 0, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** Runs wrangler in the terminal (its own progress and prompts); false when it failed. */
function run(args, env = {}) {
  return (
    spawnSync(process.execPath, [wrangler, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ===
    0
  );
}

/** Wrangler's own error line, without colours or its log-file footer. */
function wranglerError(output) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colour codes
  const lines = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const error = lines.find((l) => l.includes('✘') || /\bERROR\b/.test(l)) ?? lines.findLast((l) => l.trim() && !l.includes('🪵'));
  return (error ?? 'wrangler failed without a message').replace(/^.*?\[ERROR\]\s*/, '').trim();
}

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--dry-run');
if (unknown.length) fail(`Unknown argument: ${unknown.join(' ')}`, 'Usage: npm run deploy [-- --dry-run]');
const dryRun = args.includes('--dry-run');

let config;
try {
  config = unstable_readConfig({ config: join(root, 'wrangler.toml') }, { hideWarnings: true });
} catch (err) {
  fail(`wrangler.toml could not be read: ${err.message}`);
}
const vars = config.vars ?? {};

// Local mode hands a session to anyone who asks; it is for one agent's own machine only.
if (String(vars.LOCAL_MODE) === 'true') {
  fail('LOCAL_MODE is "true" in wrangler.toml: local sign-in gives anyone a session. Remove it before deploying.');
}
const plainKeys = Object.keys(vars).filter((name) => KEYS.includes(name));
if (plainKeys.length) {
  fail(
    `${plainKeys.join(', ')} ${plainKeys.length > 1 ? 'are' : 'is'} in wrangler.toml's [vars], in plain text: remove ${plainKeys.length > 1 ? 'them' : 'it'} there and set each with`,
    ...plainKeys.map((name) => `  npx wrangler secret put ${name}`),
  );
}

const db = config.d1_databases?.find((d) => d.binding === 'DB');
if (!db?.database_name) fail('wrangler.toml has no D1 database bound as DB.');
const placeholder = !db.database_id || PLACEHOLDER_DB.test(db.database_id);
const createDb = [
  `wrangler.toml still has the placeholder D1 database id. Create the database once:`,
  `  npx wrangler d1 create ${db.database_name}`,
  'and put the database_id it prints into [[d1_databases]] in wrangler.toml.',
];

const origins = String(vars.ALLOWED_ORIGINS ?? '')
  .split(',')
  .map((o) => o.trim())
  .filter(Boolean);
const originsNote = `ALLOWED_ORIGINS (CORS and the Wise Agent redirect) admits: ${origins.join(', ') || 'nothing'}.
  The Web Store listing's id must be among them (README → Deploy → “The extension's id”).`;

if (dryRun) {
  if (placeholder) console.warn(`\n⚠ ${createDb.join('\n  ')}\n`);
  console.log(`Dry run: bundling the worker "${config.name}" with wrangler deploy --dry-run (nothing is uploaded).\n`);
  if (!run(['deploy', '--dry-run'])) fail('The worker did not bundle; see wrangler’s message above.');
  const needs = (p) => p.needs.map((names) => names.join(' + ')).join(', or ');
  console.log(`
Dry run complete. A real deploy also checks, on Cloudflare:
  - the sign-in (npx wrangler login, or CLOUDFLARE_API_TOKEN);
  - the secrets: ${RANDOM.join(', ')}, and for each provider in use
${PROVIDERS.map((p) => `      ${p.kind}, ${p.name}: ${needs(p)}`).join('\n')}
    (at least one CRM), and no LOCAL_MODE secret;
then applies the D1 migrations (wrangler d1 migrations apply ${db.database_name} --remote) and deploys.
  ${originsNote}
`);
  process.exit(0);
}

if (placeholder) fail(...createDb);

const whoami = capture('whoami', '--json');
if (!whoami.ok) {
  if (/"loggedIn"\s*:\s*false/.test(whoami.stdout)) {
    fail(
      'Wrangler is not signed in to Cloudflare. Either',
      '  npx wrangler login',
      'or set CLOUDFLARE_API_TOKEN to an API token (the "Edit Cloudflare Workers" template with D1: Edit added)',
      '(and CLOUDFLARE_ACCOUNT_ID when the token reaches more than one account).',
    );
  }
  fail(`Could not confirm the Cloudflare sign-in: ${wranglerError(whoami.stderr || whoami.stdout)}`);
}

// Secrets live on the worker itself; a worker never deployed has none yet (`wrangler secret put` creates it).
const listed = capture('secret', 'list', '--format', 'json');
let secrets = [];
const newWorker = !listed.ok && /not found/i.test(listed.stderr);
if (listed.ok) {
  try {
    secrets = JSON.parse(listed.stdout.slice(listed.stdout.indexOf('['))).map((s) => s.name);
  } catch {
    fail(`wrangler secret list answered something other than a list: ${listed.stdout.trim().slice(0, 200)}`);
  }
} else if (!newWorker) {
  fail(`Could not list the worker's secrets: ${wranglerError(listed.stderr)}`);
}

if (secrets.includes('LOCAL_MODE')) {
  fail(
    `The worker "${config.name}" has a LOCAL_MODE secret: local sign-in gives anyone a session. Delete it first:`,
    `  npx wrangler secret delete LOCAL_MODE`,
  );
}

const set = new Set([...secrets, ...Object.keys(vars)]);
const missing = RANDOM.filter((name) => !set.has(name));
const inUse = PROVIDERS.filter((p) => [...set].some((name) => p.uses.test(name)));
for (const provider of inUse) {
  // Of its alternatives, the one the operator has set most of says what is left to set.
  const [closest] = provider.needs.toSorted(
    (a, b) => b.filter((n) => set.has(n)).length - a.filter((n) => set.has(n)).length || a.length - b.length,
  );
  missing.push(...closest.filter((name) => !set.has(name) && !missing.includes(name)));
}
const crms = PROVIDERS.filter((p) => p.kind === 'CRM');
const noCrm = !inUse.some((p) => p.kind === 'CRM');
if (missing.length || noCrm) {
  const width = Math.max(0, ...missing.map((name) => name.length));
  fail(
    `The worker "${config.name}" is not ready to deploy. Set what is missing, then run npm run deploy again:`,
    ...(newWorker ? [`(${config.name} is not on Cloudflare yet; the first wrangler secret put creates it.)`] : []),
    ...missing.flatMap((name) => [
      `${name.padEnd(width)}  ${SECRETS[name]}`,
      RANDOM.includes(name) ? `  openssl rand -base64 48 | npx wrangler secret put ${name}` : `  npx wrangler secret put ${name}`,
    ]),
    ...(noCrm
      ? [
          'No CRM is configured, so no agent could sign in. Set one:',
          ...crms.map((p) => `  ${p.name}: ${p.needs[0].map((name) => `npx wrangler secret put ${name}`).join('; ')}`),
        ]
      : []),
  );
}
if (set.has('FUB_API_KEY')) {
  console.warn(
    '\n⚠ FUB_API_KEY is a worker-wide Follow Up Boss key, for local installs only: on a deployed worker each agent signs in with their own key.\n  npx wrangler secret delete FUB_API_KEY\n',
  );
}

// The schema first: the new code may need its tables, and the code still serving only ever gains some.
console.log(`Applying D1 migrations to ${db.database_name} (remote)…`);
if (!run(['d1', 'migrations', 'apply', db.database_name, '--remote'])) {
  fail('The D1 migrations did not apply, so nothing was deployed; see wrangler’s message above.');
}

// Wrangler writes what it deployed (its addresses) to this file as JSON lines.
const outputDir = mkdtempSync(join(tmpdir(), 'estait-deploy-'));
const outputFile = join(outputDir, 'output.jsonl');
const deployedOk = run(['deploy'], { WRANGLER_OUTPUT_FILE_PATH: outputFile });
const deployed = existsSync(outputFile)
  ? readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .find((entry) => entry.type === 'deploy')
  : undefined;
rmSync(outputDir, { recursive: true, force: true });
if (!deployedOk) fail('wrangler deploy failed; see its message above.');

const url = deployed?.targets?.find((t) => t.startsWith('https://'));
console.log(`
✔ Deployed ${config.name}${url ? ` at ${url}` : ' (wrangler reported no https address: check workers_dev or routes in wrangler.toml)'}
  ${originsNote}`);
if (url) console.log(`  Check it:  curl ${url}/v1/health\n  Package the extension for it:  npm run package -- --worker ${url}\n`);
