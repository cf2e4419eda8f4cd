import type { LintFinding } from './contracts';

/**
 * Phrases that state a preference or limitation by a protected class in housing advertising.
 *
 * Sources: the Fair Housing Act, 42 U.S.C. 3604(c) (no statement indicating a preference,
 * limitation or discrimination based on race, color, religion, sex, handicap, familial status or
 * national origin); HUD, "Guidance Regarding Advertisements Under §804(c) of the Fair Housing Act"
 * (R. Achtenberg, January 9, 1995), whose test is the "ordinary reader"; and the word list of HUD's
 * former advertising guidelines, 24 CFR 109.20. Describing the property or the area ("great view",
 * "walk to bus stop", "master bedroom", "wheelchair ramp") is allowed; housing for older persons
 * may say so. A finding is a prompt to reword, not a verdict.
 */
const RULES: { pattern: RegExp; category: LintFinding['category']; advice: string }[] = [
  {
    pattern:
      /\b(?:no (?:kids|children|families)|adults? only|adult (?:community|building|living)|(?:perfect|ideal|great|suited) for (?:singles?|a single (?:person|man|woman)|young (?:couples?|professionals?)|couples?|empty[\s-]nesters|(?:a )?famil(?:y|ies)|newlyweds|retirees)|couples only|singles only|mature (?:persons?|couples?|adults?)|one child only|not suitable for (?:children|kids)|child-?free)\b/i,
    category: 'familial_status',
    advice: 'Describe the home (rooms, size, layout), not who should live in it.',
  },
  {
    pattern:
      /\b(?:christian|catholic|jewish|muslim|mormon|protestant|hindu|buddhist) (?:home|neighborhood|neighbourhood|community|area|family|buyers?|tenants?)|(?:walking distance|walk|close|near|steps) (?:to|from) (?:the )?(?:church|synagogue|mosque|temple|parish)\b|\bno (?:muslims|jews|christians|atheists)\b/i,
    category: 'religion',
    advice: 'Leave out religious references about the neighbourhood or buyers; name landmarks only as directions.',
  },
  {
    pattern:
      /\b(?:white|black|hispanic|latino|asian|caucasian|african[\s-]american) (?:neighborhood|neighbourhood|community|area|buyers?|tenants?|families|family)|\b(?:integrated|segregated|ethnic) (?:neighborhood|neighbourhood|community|area)\b/i,
    category: 'race',
    advice: 'Never describe a neighbourhood or buyers by race or colour.',
  },
  {
    pattern:
      /\b(?:english[\s-]speaking|(?:american|us) citizens? only|no (?:immigrants|foreigners)|(?:mexican|chinese|irish|italian|indian|korean) (?:neighborhood|neighbourhood|community|buyers?))\b/i,
    category: 'national_origin',
    advice: 'Leave out language, citizenship and national origin.',
  },
  {
    pattern:
      /\b(?:able[\s-]bodied|physically fit|no wheelchairs?|not (?:suitable|for) (?:the )?(?:handicapped|disabled|wheelchairs?)|must be able to (?:climb|walk)|no (?:disabled|handicapped)|mentally (?:ill|handicapped)|healthy (?:people|buyers|tenants) only)\b/i,
    category: 'handicap',
    advice: 'Describe accessibility features of the home instead of abilities of the people.',
  },
  {
    pattern:
      /\b(?:(?:perfect|ideal|great) for (?:a )?(?:single )?(?:man|men|woman|women|gentleman|lady|ladies)|(?:male|female|men|women)[\s-]only|no (?:men|women)|bachelor pad)\b/i,
    category: 'sex',
    advice: 'Leave out the sex of buyers or tenants.',
  },
];

/** Every phrase in `text` that a Fair Housing reviewer would flag, in reading order. */
export function lintFairHousing(text: string): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const { pattern, category, advice } of RULES) {
    const all = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
    for (const m of text.matchAll(all)) findings.push({ phrase: m[0], category, index: m.index ?? 0, advice });
  }
  return findings.sort((a, b) => a.index - b.index);
}
