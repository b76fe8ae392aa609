import { describe, expect, it } from 'vitest';
import { deriveVillageNeed, type VillageNeedFacts } from './village-need.ts';

const facts = (changes: Partial<VillageNeedFacts>): VillageNeedFacts => ({ condition: 'ordinary', hasProminentProblems: false, secretaryNeedsAdjustment: false, override: null, ...changes });

describe('deriveVillageNeed (因村选人)', () => {
  it('asks a mature reserve where problems are prominent, the secretary is to be replaced or the village is 软弱涣散', () => {
    expect(deriveVillageNeed(facts({ hasProminentProblems: true })).need).toBe('mature');
    expect(deriveVillageNeed(facts({ secretaryNeedsAdjustment: true, condition: 'developingWell' })).need).toBe('mature');
    const weak = deriveVillageNeed(facts({ condition: 'weakAndLax', secretaryNeedsAdjustment: true }));
    expect(weak).toEqual({ need: 'mature', explanation: '书记需调整、软弱涣散，需要可直接接任的成熟型后备力量', isOverridden: false });
  });

  it('asks young potential where the village develops well, and no kind in particular where it is ordinary or unknown', () => {
    expect(deriveVillageNeed(facts({ condition: 'developingWell' })).need).toBe('youngPotential');
    expect(deriveVillageNeed(facts({ condition: 'ordinary' })).need).toBeNull();
    expect(deriveVillageNeed(facts({ condition: null })).explanation).toBe('尚未填写村情，无法判断需要的类型');
  });

  it('lets an override with its reason win over the derived need', () => {
    const derived = deriveVillageNeed(facts({ condition: 'weakAndLax', override: { need: 'youngPotential', reason: '新书记刚到任，储备年轻人' } }));
    expect(derived).toEqual({ need: 'youngPotential', explanation: '乡镇党委调整为潜力型（年轻型）：新书记刚到任，储备年轻人', isOverridden: true });
  });
});
