import { describe, expect, it } from 'vitest';
import { demoRoundYear } from './demo-selection.ts';

describe("the demo's selection round", () => {
  it('is this year once its last date (26 October) has come, else the year before', () => {
    expect(demoRoundYear('2026-10-26')).toBe(2026);
    expect(demoRoundYear('2026-10-25')).toBe(2025);
    expect(demoRoundYear('2026-02-28')).toBe(2025);
  });

  it('stays in 2026, the last year of the official calendar, however late today is', () => {
    expect(demoRoundYear('2027-01-10')).toBe(2026);
    expect(demoRoundYear('2030-12-01')).toBe(2026);
  });
});
