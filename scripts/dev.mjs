#!/usr/bin/env node
// `npm run dev`: the worker on workerd with local D1, then the extension rebuilt on every change.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT || '8787';
const health = `http://127.0.0.1:${port}/v1/health`;
const children = [];

let stopping = false;
const stop = () => {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stop);

// WXT's dev server (Vite) stops when its input ends, and starts reading it at the first changed file:
// with no terminal (`npm run dev &`, nohup, an IDE task) that is an immediate end of input, and it
// stopped cleanly, taking the worker with it. Each child gets an input of its own that stays open.
function start(name, args, env = {}) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['pipe', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
  children.push(child);
  child.on('exit', (code, signal) => {
    // One part stopping by itself is a failure of the whole, even when it exited with 0.
    if (!stopping) {
      console.error(`\n  ${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest.`);
      process.exitCode ||= code || 1;
    }
    stop();
  });
  return child;
}

const worker = start('The worker', [join(root, 'scripts/worker.mjs')], { PORT: port });

// Wrangler's first bundle stalls when WXT's dev build starts beside it, so the extension waits.
for (let i = 0; i < 600 && worker.exitCode === null; i++) {
  const up = await fetch(health)
    .then((r) => r.ok)
    .catch(() => false);
  if (up) break;
  await new Promise((r) => setTimeout(r, 100));
}
if (worker.exitCode === null) {
  start("The extension's dev build", [join(root, 'node_modules/wxt/bin/wxt.mjs')]);
  console.log(`
  Estait is running.
  - Worker:    ${health}  (local CRM, sample MLS, local parser)
  - Extension: chrome://extensions → Developer mode → Load unpacked → ${join(root, '.output/chrome-mv3')}
               It rebuilds and reloads itself as you edit. Stop with Ctrl+C.
`);
}
