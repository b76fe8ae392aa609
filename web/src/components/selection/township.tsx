import { Alert, Space, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Me } from '../../api/types.ts';
import { OrgUnitPicker } from '../OrgUnitPicker.tsx';
import { useOrgUnitName } from '../useOrgUnitName.ts';

/**
 * The township (乡镇) a 12-digit statistical code belongs to: digits 7–9 name the township, 10–12
 * the village. Null for a county or a higher unit.
 */
export function townshipOf(code: string | null | undefined): string | null {
  if (!code || code.length < 12) return null;
  const base = code.slice(0, 12);
  if (base.slice(6, 9) === '000') return null;
  return `${base.slice(0, 9)}000`;
}

export function isVillageCode(code: string | null | undefined): boolean {
  return !!code && code.length === 12 && code.slice(6, 9) !== '000' && code.slice(9, 12) !== '000';
}

/** The township of the user's first role bound to a township or below; null for county users. */
export function defaultTownship(me: Pick<Me, 'roles'>): string | null {
  for (const role of me.roles) {
    if (role.orgLevel === 'township' || role.orgLevel === 'village' || role.orgLevel === 'community') return townshipOf(role.orgCode);
  }
  return null;
}

/** The township in the URL (?township=), or the user's own; county users choose one. */
export function useTownship(me: Pick<Me, 'roles'>): { township: string | null; isFixed: boolean; setTownship: (code: string | null) => void } {
  const [params, setParams] = useSearchParams();
  const own = useMemo(() => defaultTownship(me), [me]);
  const fromUrl = townshipOf(params.get('township'));
  const setTownship = useCallback((code: string | null) => {
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (code) next.set('township', code);
      else next.delete('township');
      return next;
    }, { replace: true });
  }, [setParams]);
  return { township: own ?? fromUrl, isFixed: own !== null, setTownship };
}

/** County users pick a township (a village picked stands for its township). */
export function TownshipChooser({ value, onChange }: { value: string | null; onChange: (code: string | null) => void }) {
  const name = useOrgUnitName(value);
  return (
    <Space.Compact style={{ width: 320, maxWidth: '100%' }}>
      <OrgUnitPicker
        value={value}
        initialLabel={name}
        placeholder="选择乡镇（可输入名称搜索）"
        onChange={(code) => onChange(code ? townshipOf(code) ?? code : null)}
      />
    </Space.Compact>
  );
}

export function ChooseTownshipHint({ value }: { value: string | null }) {
  if (value && townshipOf(value)) return null;
  return (
    <Alert
      type="info"
      showIcon
      title="请先选择乡镇"
      description={<Typography.Text>选拔工作以乡镇为单位进行（一镇一库）：请在右上方选择一个乡镇或其下的村。</Typography.Text>}
    />
  );
}
