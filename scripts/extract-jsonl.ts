// `npm run --silent extract:jsonl`: reads {id, file, url} a line on stdin, runs the content scripts'
// page readers on a DOM built from the saved file, and writes each page's PageContext a line.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseHTML } from 'linkedom';
import { readPage } from '../extension/context';

for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
  if (!line.trim()) continue;
  let out: Record<string, unknown>;
  try {
    const { id, file, url } = JSON.parse(line) as { id?: string; file: string; url: string };
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    out = { id, ...readPage(document as unknown as Document, new URL(url)) };
  } catch (err) {
    out = { kind: 'none', error: String(err) };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
