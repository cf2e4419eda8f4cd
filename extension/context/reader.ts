import type { PageContext } from '../../shared/contracts';
import type { SiteId } from '../sites';

/** One site's page reader. `read` may return undefined: the generic readers then try. */
export type Reader = {
  /** The site in extension/sites.ts it reads, which its page context names. */
  site: SiteId;
  /** Hostnames this reader owns: the site's domains in that table and their subdomains (`hostsOf`). */
  hosts: RegExp;
  read(doc: Document, url: URL): PageContext | undefined;
};
