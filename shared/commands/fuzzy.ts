/** Typo tolerance for typed commands: command words and place names. */

// Rows reused across calls: a search runs distance many times, and fresh rows each time would be garbage.
let before: number[] = [];
let previous: number[] = [];
let current: number[] = [];

/**
 * The edit distance between `a` and `b` counting an insertion, a deletion, a substitution or a swap
 * of two neighbouring letters as one edit (optimal string alignment, so "teh" → "the" and "denvr" →
 * "denver" cost 1), or `max + 1` as soon as it is certain to exceed `max`.
 */
export function distance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // A shared prefix and suffix cost nothing and only widen the table.
  let start = 0;
  let endA = a.length;
  let endB = b.length;
  while (start < endA && start < endB && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0 || m === 0) return Math.min(n + m, max + 1);

  const over = max + 1;
  if (current.length <= m + 1) {
    before = new Array(m + 2).fill(over);
    previous = new Array(m + 2).fill(over);
    current = new Array(m + 2).fill(over);
  }
  for (let j = 0; j <= m + 1; j++) previous[j] = j <= max ? j : over;
  for (let i = 1; i <= n; i++) {
    // Only cells within `max` of the diagonal can stay within `max`.
    const low = Math.max(1, i - max);
    const high = Math.min(m, i + max);
    const ca = a.charCodeAt(start + i - 1);
    const caBefore = i > 1 ? a.charCodeAt(start + i - 2) : -1;
    current[low - 1] = low === 1 && i <= max ? i : over;
    let rowMin = over;
    for (let j = low; j <= high; j++) {
      const cb = b.charCodeAt(start + j - 1);
      let d = Math.min(
        (previous[j - 1] as number) + (ca === cb ? 0 : 1),
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
      );
      if (j > 1 && ca === b.charCodeAt(start + j - 2) && caBefore === cb) d = Math.min(d, (before[j - 2] as number) + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (high < m) current[high + 1] = over;
    if (rowMin > max) return over;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[m] as number, over);
}

/** How many typos a word of this length may carry and still be recognised: none in short words. */
export function allowedTypos(word: string): number {
  return word.length <= 3 ? 0 : word.length <= 6 ? 1 : 2;
}
