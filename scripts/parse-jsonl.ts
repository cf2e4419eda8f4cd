// `npm run --silent parse:jsonl`: reads {id, text, now, tz, page?, recent?} a line on stdin (`recent`:
// the conversation memory) and writes the ParsedCommand for each a line, in order, from the same
// parser the extension and worker use.
import { createInterface } from 'node:readline';
import { parseCommand } from '../shared/commands';

for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
  if (!line.trim()) continue;
  let out: Record<string, unknown>;
  try {
    const { id, text, now, tz, page, recent } = JSON.parse(line);
    out = { id, ...parseCommand(String(text ?? ''), { now, tz, page, recent }) };
  } catch (err) {
    out = { intent: 'unknown', confidence: 0, params: {}, error: String(err) };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
