import { describe, expect, it } from 'vitest';
import { canGrantRole, roleGrants, ROLES } from './roles.ts';

describe('canGrantRole', () => {
  it('never lets a role grant one above itself', () => {
    expect(canGrantRole('townshipCommittee', 'orgDepartment')).toBe(false);
    expect(canGrantRole('townshipCommittee', 'administrator')).toBe(false);
    expect(canGrantRole('townshipCommittee', 'jointReviewDepartment')).toBe(false);
    expect(canGrantRole('orgDepartment', 'administrator')).toBe(false);
    expect(canGrantRole('townshipCommittee', 'villageClerk')).toBe(true);
    expect(canGrantRole('orgDepartment', 'jointReviewDepartment')).toBe(true);
    for (const role of ROLES) expect(canGrantRole('administrator', role)).toBe(true);
  });

  it('lets only roles that manage users grant anything', () => {
    for (const granter of ROLES) {
      const grantsSomething = ROLES.some((role) => canGrantRole(granter, role));
      expect(grantsSomething).toBe(roleGrants(granter, 'user.manage'));
    }
  });
});
