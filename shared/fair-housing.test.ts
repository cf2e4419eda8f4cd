import { describe, expect, it } from 'vitest';
import { lintFairHousing } from './fair-housing';

describe('Fair Housing lint', () => {
  it.each([
    ['Quiet street, no children please.', 'familial_status'],
    ['Perfect for young couples starting out!', 'familial_status'],
    ['Adults only building with a gym.', 'familial_status'],
    ['Walking distance to church and shops.', 'religion'],
    ['A lovely Christian neighborhood.', 'religion'],
    ['English-speaking tenants preferred.', 'national_origin'],
    ['Must be able to climb stairs; able-bodied buyers only.', 'handicap'],
    ['Ideal for a single man.', 'sex'],
    ['Located in a white neighborhood.', 'race'],
  ] as const)('flags %j as %s', (text, category) => {
    expect(lintFairHousing(text).map((f) => f.category)).toContain(category);
  });

  it.each([
    'Three bedrooms, a great view and a fenced yard.',
    'Walk to the bus stop; master bedroom with a walk-in closet.',
    'Wheelchair ramp at the entrance and a family room off the kitchen.',
    'Hi Dana, the showing on Friday at 4:30 is confirmed.',
  ])('leaves %j alone', (text) => {
    expect(lintFairHousing(text)).toEqual([]);
  });

  it('reports each phrase with where it is', () => {
    const [finding] = lintFairHousing('Bright condo. No kids.');
    expect(finding).toMatchObject({ phrase: 'No kids', index: 14 });
  });
});
