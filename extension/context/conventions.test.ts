import { describe, expect, it } from 'vitest';
import { domainOf, hostsOf, SITES } from '../sites';
import { READERS } from '.';

// Conventions checked rather than remembered: a site added to the manifest's table without its
// reader, or a reader whose hosts drift from the table, fails here.

describe('every site Estait reads by itself', () => {
  it.each(SITES.map((s) => s.id))('%s has exactly one reader, whose hosts come from the site table', (id) => {
    const readers = READERS.filter((r) => r.site === id);
    expect(readers).toHaveLength(1);
    expect(readers[0]?.hosts.source).toBe(hostsOf(id).source);
  });

  it('and every reader reads one of them: a site the manifest does not match is never read by itself', () => {
    expect(READERS.map((r) => r.site).sort()).toEqual(SITES.map((s) => s.id).sort());
  });

  it.each(SITES.flatMap((s) => s.matches.map((m) => [s.id, domainOf(m)] as const)))(
    '%s owns %s and its subdomains, and no other reader does',
    (id, domain) => {
      for (const host of [domain, `www.${domain}`])
        expect(READERS.filter((r) => r.hosts.test(host)).map((r) => r.site)).toEqual([id]);
      expect(hostsOf(id).test(`not${domain}`)).toBe(false);
    },
  );
});
