import type { HistoryEvent, MlsListing, MlsSource, SearchCriteria } from '../../shared/contracts';

/** What Estait needs from an MLS or property-data API. */
export interface MlsProvider {
  readonly source: MlsSource;
  /** `cached`: answered from the worker's cache of upstream answers, not asked again. */
  search(criteria: SearchCriteria, page: number): Promise<{ listings: MlsListing[]; total: number; cached?: boolean }>;
  details(address: string): Promise<{ listing: MlsListing; history: HistoryEvent[] } | undefined>;
  comps(address: string): Promise<MlsListing[]>;
  /** Full addresses that start like what the agent typed (3+ characters). */
  autocomplete(text: string): Promise<string[]>;
}

export { SEARCH_PAGE_SIZE as PAGE_SIZE } from '../../shared/contracts';
