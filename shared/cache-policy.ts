/**
 * How long an MLS answer counts as fresh, in ms: the worker's upstream cache keeps a provider's
 * answer this long (saving the agent's API credits), and the panel shows its own copy without
 * asking again as long. Searches change faster than a listing's details and its comparables.
 */
export const MLS_FRESH_MS = { search: 5 * 60_000, details: 15 * 60_000, comps: 15 * 60_000 } as const;
