import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SCORER = join(ROOT, '../shared/tools/score-listings.mjs');
const shared = existsSync(SCORER);

if (!shared) console.warn(`Skipping the real-page scores: ${SCORER} is not here (the team handbook sits beside the repository).`);

describe.skipIf(!shared)('the readers on saved real pages (../shared/fixtures/listings)', () => {
  it('meet the bar: fields ≥ 0.95, at most 1 wrong value, no false listing', () => {
    const run = spawnSync(process.execPath, [SCORER, '--min-fields', '0.95', '--max-wrong', '1', '--max-false-listings', '0'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    console.log(run.stdout.trim());
    expect(run.status, run.stdout + run.stderr).toBe(0);
  }, 60_000);
});
