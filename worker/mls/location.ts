import { STATE_NAMES, toStateCode } from '../../shared/normalize';

export type Place = { zip?: string; county?: string; city?: string; state?: string };

/** "78704", "Bastrop county", "Round Rock TX", "Denver, CO", "Miami, Florida" → what to match on. */
export function parsePlace(location: string | undefined): Place {
  const text = location?.trim().replace(/\s+/g, ' ');
  if (!text) return {};
  const zip = /\b(\d{5})\b/.exec(text)?.[1];
  if (zip) return { zip };
  const county = /^(.+?)\s+county\b/i.exec(text)?.[1];
  if (county) return { county };
  const code = /^(.+?)[,\s]+([A-Za-z]{2})$/.exec(text);
  const state = code?.[2] && toStateCode(code[2]);
  if (code?.[1] && state) return { city: code[1], state };
  const lower = text.toLowerCase();
  const name = STATE_NAMES.find((n) => lower.endsWith(` ${n}`) || lower.endsWith(`,${n}`));
  const city = name ? text.slice(0, -name.length).replace(/[,\s]+$/, '') : text;
  return name && city ? { city, state: toStateCode(name) } : { city: text.replace(/,$/, '') };
}
