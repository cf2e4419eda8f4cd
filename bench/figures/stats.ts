export type Figure = { value: number | Record<string, number> | null; samples?: number; unit?: string; note?: string };

export const pending = (reason: string): Figure => ({ value: null, note: reason });

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
}

export const round = (x: number, digits = 3) => Number(x.toFixed(digits));

export const time = async <T>(fn: () => Promise<T> | T): Promise<[number, T]> => {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
};
