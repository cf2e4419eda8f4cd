import type { PageContact, PageContext } from '../../../shared/contracts';
import { clean, isEmail } from '../../../shared/normalize';
import { $, $$, attr, textOf } from '../dom';

/** The last two labels of a hostname: "secure.thewiseagent.com" → "thewiseagent.com". */
const baseDomain = (host: string) => host.toLowerCase().split('.').slice(-2).join('.');

/** The first usable mailto: or tel: link, skipping the CRM's own addresses (help, support). */
function firstLink(root: ParentNode, scheme: 'mailto' | 'tel', own: string): string | undefined {
  for (const a of $$(root, `a[href^="${scheme}:" i]`)) {
    let value: string | undefined;
    try {
      value = clean(decodeURIComponent((attr(a, 'href') ?? '').slice(scheme.length + 1).split('?')[0] ?? ''));
    } catch {
      continue;
    }
    if (!value) continue;
    if (scheme === 'tel' && value.replace(/\D/g, '').length >= 7) return value;
    if (scheme === 'mailto' && isEmail(value) && baseDomain(value.split('@')[1] ?? '') !== own) return value;
  }
  return undefined;
}

/** Name, email and phone of the person a CRM page is about, read from its main content first. */
export function readContact(doc: Document, url: URL, id?: string): PageContact {
  const main = $(doc, 'main, [role="main"], #content, .content') ?? doc;
  const own = baseDomain(url.hostname);
  const name =
    textOf(main, '[itemprop="name"], .contact-name, .client-name, h1') ?? textOf(doc, '.contact-name, .client-name, h1, h2');
  const contact: PageContact = {};
  if (id) contact.id = id;
  if (name && name.length <= 80) contact.name = name;
  const email = firstLink(main, 'mailto', own) ?? firstLink(doc, 'mailto', own);
  if (email) contact.email = email;
  const phone = firstLink(main, 'tel', own) ?? firstLink(doc, 'tel', own);
  if (phone) contact.phone = phone;
  return contact;
}

/** Record pages of CRMs: /people/123, /contacts/abc, /leads/9, ?contactId=… */
const RECORD_PATH =
  /\/(?:people|persons?|contacts?|leads?|clients?|customers?)\/(?:view\/|detail\/|show\/)?([\w-]{1,40})(?:[/?#]|$)/i;
const RECORD_PARAM = /^(?:contact|client|lead|person|people)_?id$/i;

/** Other CRMs' contact pages, recognised by their record address and a way to reach the person. */
export function readCrmContact(doc: Document, url: URL): PageContext | undefined {
  const id =
    [...url.searchParams].find(([k, v]) => RECORD_PARAM.test(k) && /^[\w-]{1,40}$/.test(v))?.[1] ??
    url.pathname.match(RECORD_PATH)?.[1];
  if (!id) return undefined;
  const contact = readContact(doc, url, id);
  if (!contact.email && !contact.phone) return undefined;
  return { kind: 'contact', url: url.href, site: 'crm', contact };
}
