#!/usr/bin/env node
// `npm run package -- --worker https://estait.<account>.workers.dev`: the Chrome Web Store zip
// (`wxt zip`), with that worker as the extension's default address (WXT_WORKER_URL, read by
// extension/settings). Built into .output/store/, so the unpacked build in .output/chrome-mv3 stays.
//   --keep-key   keep the manifest key (the fixed development id) for installs outside the Web Store,
//                which refuses a manifest with a key and gives the listing an id of its own.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unstable_readConfig } from 'wrangler';
import { zip } from 'wxt';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The hosts the extension accepts plain http for (extension/settings): this computer only. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const usage = 'Usage: npm run package -- --worker https://estait.<account>.workers.dev [--keep-key]';

function fail(...lines) {
  console.error(`\n✘ ${lines.join('\n  ')}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
let input;
let keepKey = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--keep-key') keepKey = true;
  else if (args[i] === '--worker') input = args[++i];
  else if (args[i].startsWith('--worker=')) input = args[i].slice('--worker='.length);
  else fail(`Unknown argument: ${args[i]}`, usage);
}
if (!input) fail('Say which worker the extension should use.', usage);

/** The worker's base address, as the options page would store it; https unless it is this machine. */
function workerOrigin(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    fail(`Not an address: ${text}`, usage);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    fail(`The worker must be https:// (plain http only on this computer: 127.0.0.1, localhost or [::1]): ${text}`);
  }
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    fail(`Give the worker's base address only, without a path, query or credentials: ${text}`);
  }
  return url.origin;
}

/** Chrome's id for a manifest key: the SHA-256 of the public key, first 32 hex digits written a–p. */
const extensionId = (key) =>
  [...createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16)))
    .join('');

const worker = workerOrigin(input);
process.env.WXT_WORKER_URL = worker;

let buildDir;
let key;
const [zipPath] = await zip({
  root,
  outDir: '.output/store',
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      buildDir = wxt.config.outDir;
      key = manifest.key;
      if (!keepKey) delete manifest.key;
    },
  },
});

// The default is only as good as the line that reads it: refuse a package that still points elsewhere.
const js = readdirSync(buildDir, { recursive: true })
  .filter((file) => file.endsWith('.js'))
  .map((file) => readFileSync(join(buildDir, file), 'utf8'));
if (!js.some((code) => code.includes(worker))) {
  rmSync(zipPath);
  fail(
    `The build does not contain ${worker}: extension/settings/index.ts must take its default from the build, as`,
    "  export const DEFAULT_WORKER_URL: string = import.meta.env.WXT_WORKER_URL || 'http://127.0.0.1:8787';",
    `${relative(root, zipPath)} was removed, as it would still use the old default.`,
  );
}

let origins = [];
try {
  const { vars } = unstable_readConfig({ config: join(root, 'wrangler.toml') }, { hideWarnings: true });
  origins = String(vars?.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim());
} catch (err) {
  console.warn(`⚠ wrangler.toml could not be read, so ALLOWED_ORIGINS was not checked: ${err.message}`);
}
const devId = key && extensionId(key);
const allowed = (id) => (origins.includes(`chrome-extension://${id}`) ? 'admitted by' : 'NOT in');

console.log(`
✔ ${relative(root, zipPath)} (${Math.round(statSync(zipPath).size / 1024)} KB), default worker ${worker}`);
if (keepKey) {
  console.log(`  Its id is ${devId} (the manifest key), ${allowed(devId)} ALLOWED_ORIGINS in wrangler.toml.
  For a Web Store upload, package without --keep-key: the Store refuses a manifest with a key.
`);
} else {
  console.log(`  Without the manifest key, as the Web Store requires. The Store gives the listing its own id at the
  first upload (Developer Dashboard → the item → its id; Package → View public key):
  1. add chrome-extension://<that id> to ALLOWED_ORIGINS in wrangler.toml (comma-separated) and npm run deploy;
  2. to give unpacked builds the same id, put that public key into PUBLIC_KEY in wxt.config.ts.
  ${devId ? `The development id ${devId} is ${allowed(devId)} ALLOWED_ORIGINS now.` : 'wxt.config.ts sets no manifest key.'}
`);
}
