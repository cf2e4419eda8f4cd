import { hostsOf } from '../../sites';
import type { Reader } from '../reader';
import { readContact } from './contact';

/**
 * Wise Agent contact pages carry the contact id in the address (…/secure/client/SUMMARY.asp?ClientID=…,
 * …/secure/client/summary?clientId=…): the id is the anchor; name, email and phone come from the page.
 */
export const wiseAgent: Reader = {
  site: 'wiseagent',
  hosts: hostsOf('wiseagent'),
  read(doc, url) {
    const id = [...url.searchParams].find(([k, v]) => /^clientid$/i.test(k) && /^\d{1,15}$/.test(v))?.[1];
    if (!id) return undefined;
    return { kind: 'contact', url: url.href, site: this.site, contact: readContact(doc, url, id) };
  },
};
