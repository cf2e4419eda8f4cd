/** The height of one row in the panel's lists of homes. */
export const ROW = 64;

/**
 * For each row of a long list of homes: every row stays in the document (Tab, screen readers and
 * find-in-page reach them all), but the browser lays out and paints only the rows near the view,
 * so a list of 500 homes stays quick.
 */
export const OFFSCREEN_SKIPPED = { contentVisibility: 'auto', containIntrinsicSize: `auto ${ROW}px` } as const;
