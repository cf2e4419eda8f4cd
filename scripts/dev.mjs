#!/usr/bin/env node
// `npm run dev`: the worker on workerd with local D1, then the extension rebuilt on every change.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT || '8787';
const health = `http://127.0.0.1:${port}/v1/health`;
const children = [];

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stop);

function start(args, env = {}) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  child.on('exit', (code) => {
    stop();
    process.exitCode ||= code ?? 0;
  });
  return child;
}

const worker = start([join(root, 'scripts/worker.mjs')], { PORT: port });

// Wrangler's first bundle stalls when WXT's dev build starts beside it, so the extension waits.
for (let i = 0; i < 600 && worker.exitCode === null; i++) {
  const up = await fetch(health)
    .then((r) => r.ok)
    .catch(() => false);
  if (up) break;
  await new Promise((r) => setTimeout(r, 100));
}
if (worker.exitCode === null) {
  start([join(root, 'node_modules/wxt/bin/wxt.mjs')]);
  console.log(`
  Estait is running.
  - Worker:    ${health}  (local CRM, sample MLS, local parser)
  - Extension: chrome://extensions → Developer mode → Load unpacked → ${join(root, '.output/chrome-mv3')}
               It rebuilds and reloads itself as you edit. Stop with Ctrl+C.
`);
}
