import { describe, expect, it } from 'vitest';
import { timeAgo } from './describe';

describe('how long ago an answer was saved', () => {
  it.each([
    [30_000, 'just now'],
    [4 * 60_000, '4 min ago'],
    [2 * 3_600_000 + 5 * 60_000, '2 h ago'],
    [26 * 3_600_000, '1 day ago'],
    [3 * 86_400_000, '3 days ago'],
  ])('%i ms → %s', (ms, said) => expect(timeAgo(0, ms)).toBe(said));
});
