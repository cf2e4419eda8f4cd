/** How prices and counts read to an agent, in the panel and in drafts alike. */
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export const formatPrice = (value: number | undefined) => (value === undefined ? undefined : money.format(value));
export const formatCount = (value: number | undefined) => (value === undefined ? undefined : count.format(value));

/** "3 bd · 2.5 ba · 1,850 sqft", leaving out what is unknown. */
export function formatFacts(l: { beds?: number; baths?: number; sqft?: number }): string {
  return [
    l.beds !== undefined && `${formatCount(l.beds)} bd`,
    l.baths !== undefined && `${formatCount(l.baths)} ba`,
    l.sqft !== undefined && `${formatCount(l.sqft)} sqft`,
  ]
    .filter(Boolean)
    .join(' · ');
}
