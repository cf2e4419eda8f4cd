import type { PageContext } from '../../shared/contracts';
import { none } from './listing';
import type { Reader } from './reader';
import { readCrmContact } from './readers/contact';
import { readGeneric } from './readers/generic';
import { homes } from './readers/homes';
import { mlsPortal } from './readers/mls-portal';
import { realtor } from './readers/realtor';
import { redfin } from './readers/redfin';
import { trulia } from './readers/trulia';
import { wiseAgent } from './readers/wiseagent';
import { zillow } from './readers/zillow';

/** One reader per site family, chosen by the page's hostname. */
export const READERS: readonly Reader[] = [zillow, realtor, redfin, homes, trulia, mlsPortal, wiseAgent];

export const readerFor = (url: URL): Reader | undefined => READERS.find((r) => r.hosts.test(url.hostname));

function attempt(read: () => PageContext | undefined): PageContext | undefined {
  try {
    return read();
  } catch {
    // A broken page gives nothing from this reader; the next one still tries.
    return undefined;
  }
}

/**
 * What the page is: the site's own reader first, then schema.org and Open Graph, then a CRM contact
 * record. Never throws; a page nobody recognises is `none`.
 */
export function readPage(doc: Document, url: URL): PageContext {
  const reader = readerFor(url);
  return (
    (reader && attempt(() => reader.read(doc, url))) ??
    attempt(() => readGeneric(doc, url)) ??
    attempt(() => readCrmContact(doc, url)) ??
    none(url, reader?.site ?? 'generic')
  );
}
