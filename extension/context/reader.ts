import type { PageContext } from '../../shared/contracts';

/** One site family's page reader. `read` may return undefined: the generic readers then try. */
export type Reader = {
  site: string;
  /** Hostnames this reader owns (the site and its subdomains). */
  hosts: RegExp;
  read(doc: Document, url: URL): PageContext | undefined;
};
