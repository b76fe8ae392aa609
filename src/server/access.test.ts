import { describe, expect, it } from 'vitest';
import { Access } from './access.ts';

const township = { role: 'townshipCommittee' as const, orgCode: '511425102000', orgLevel: 'township' as const };
const mentorElsewhere = { role: 'mentor' as const, orgCode: '511425108000', orgLevel: 'township' as const };

describe('Access', () => {
  it('grants a role\'s permissions in its unit\'s subtree only', () => {
    const access = new Access([township]);
    expect(access.can('orgUnit.update', '511425102201')).toBe(true);
    expect(access.can('orgUnit.update', '511425108201')).toBe(false);
    expect(access.can('dictionary.manage', '511425102201')).toBe(false);
    expect(access.prefixes('user.read')).toEqual(['511425102']);
  });

  it('answers not found outside every subtree and forbidden where the unit is seen but the act is not allowed', () => {
    const access = new Access([township, mentorElsewhere]);
    expect(() => access.require('orgUnit.read', ['511425110201'], { record: '组织单位', action: '查看' })).toThrow('组织单位不存在或不在您的管理范围内');
    expect(() => access.require('orgUnit.update', ['511425108201'], { record: '组织单位', action: '修改该组织单位' })).toThrow('您没有修改该组织单位的权限');
    expect(() => access.require('orgUnit.update', ['511425102201', '511425102202'], { record: '组织单位', action: '修改' })).not.toThrow();
  });

  it('merges nested subtrees into the outer one', () => {
    const access = new Access([township, { role: 'orgDepartment', orgCode: '511425000000', orgLevel: 'county' }]);
    expect(access.prefixes('orgUnit.read')).toEqual(['511425']);
  });

  it('tells which roles the caller holds over a unit', () => {
    const access = new Access([township]);
    expect(access.hasRole('townshipCommittee', '511425102201')).toBe(true);
    expect(access.hasRole('administrator', '511425102201')).toBe(false);
    expect(Access.unrestricted().hasRole('administrator', '330102001001')).toBe(true);
  });

  it('gives the command line every permission everywhere', () => {
    const access = Access.unrestricted();
    expect(access.can('audit.verify', '330102001001')).toBe(true);
    expect(access.prefixes('orgUnit.import')).toEqual(['']);
  });
});
