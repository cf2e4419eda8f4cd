/** Small DOM helpers for page readers. None of them throws on a broken page. */

import { clean } from '../../shared/normalize';

export const $ = (root: ParentNode, selector: string): Element | null => root.querySelector(selector);
export const $$ = (root: ParentNode, selector: string): Element[] => Array.from(root.querySelectorAll(selector));

/** The element's text with whitespace collapsed, or undefined. */
export const text = (el: Element | null | undefined): string | undefined => clean(el?.textContent ?? undefined);

export const textOf = (root: ParentNode, selector: string) => text($(root, selector));

export const attr = (el: Element | null | undefined, name: string): string | undefined =>
  clean(el?.getAttribute(name) ?? undefined);

/** A <meta> by property or name ("og:title", "description"). */
export const meta = (doc: Document, key: string): string | undefined =>
  attr($(doc, `meta[property="${key}"], meta[name="${key}"]`), 'content');

/** JSON from a <script> (or the raw text), or undefined when it is missing or broken. */
export function parseJson(source: Element | string | null | undefined): unknown {
  const raw = typeof source === 'string' ? source : source?.textContent;
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Follows a path of keys through unknown JSON: get(data, 'props', 'pageProps'). */
export function get(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isObject(current)) current = current[key];
    else return undefined;
  }
  return current;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The value when it is a JSON object, else an empty one: a page's missing part reads as no fields. */
export const objectOf = (value: unknown): Record<string, unknown> => (isObject(value) ? value : {});

export const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];

/**
 * The JSON object literal that follows `marker` in any inline script, e.g. the argument of
 * `trulia.propertyData.set({...})`. Braces inside strings are skipped.
 */
export function objectAfter(doc: Document, marker: string): unknown {
  for (const script of $$(doc, 'script:not([src])')) {
    const source = script.textContent ?? '';
    const at = source.indexOf(marker);
    if (at < 0) continue;
    const start = source.indexOf('{', at + marker.length);
    if (start < 0) continue;
    let depth = 0;
    let quote = '';
    for (let i = start; i < source.length; i++) {
      const ch = source[i];
      if (quote) {
        if (ch === '\\') i++;
        else if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) return parseJson(source.slice(start, i + 1));
    }
  }
  return undefined;
}

/** An absolute http(s) URL, or undefined. */
export function absoluteUrl(value: unknown, base: URL): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Photo addresses from <img> elements matching a selector, in page order. */
export const imageSources = (root: ParentNode, selector: string, limit = 12): string[] =>
  $$(root, selector)
    .map((img) => attr(img, 'src'))
    .filter((src): src is string => !!src)
    .slice(0, limit);
