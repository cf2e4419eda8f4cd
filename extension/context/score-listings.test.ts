import { teamScorer } from '../../shared/testing/team-scorer';

teamScorer(
  'the readers on saved real pages (../shared/fixtures/listings)',
  'score-listings.mjs',
  ['--min-fields', '0.95', '--max-wrong', '1', '--max-false-listings', '0'],
  'fields ≥ 0.95, at most 1 wrong value, no false listing',
);
