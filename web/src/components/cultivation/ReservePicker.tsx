import { Select } from 'antd';
import { useState } from 'react';
import { reservesApi } from '../../api/reserves.ts';
import { useApiQuery } from '../../state/queryClient.tsx';
import { useDebouncedValue } from '../../state/useDebouncedValue.ts';

interface Option { value: string; label: string }

/** Chooses an admitted reserve of the caller's scope by typing part of the name; for use inside Form.Item. */
export function ReservePicker({ value, onChange, initialLabel, orgCode }: { value?: string; onChange?: (id: string | undefined) => void; initialLabel?: string; orgCode?: string }) {
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search.trim(), 250);
  // The chosen reserve keeps its name shown while a later search no longer finds it.
  const [picked, setPicked] = useState<Option | null>(value && initialLabel ? { value, label: initialLabel } : null);
  const query = useApiQuery(['reserves', 'picker', orgCode ?? '', term], (signal) => reservesApi.list({ status: 'admitted', search: term || undefined, orgCode, pageSize: 50 }, signal), { keepPrevious: true });
  const found: Option[] = (query.data?.reserves ?? []).map((reserve) => ({ value: reserve.id, label: `${reserve.person.name}（${reserve.townshipName}${reserve.villageName}）` }));
  const shown = picked?.value === value ? picked : value && initialLabel ? { value, label: initialLabel } : null;
  const options = shown && !found.some((option) => option.value === shown.value) ? [shown, ...found] : found;

  return (
    <Select<string, Option>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(next, option) => { setPicked(option && !Array.isArray(option) ? option : null); onChange?.(next); }}
      options={options}
      loading={query.isFetching}
      allowClear
      placeholder="输入姓名查找后备力量"
      notFoundContent={query.isFetching ? '查找中…' : '未找到在库的后备力量'}
      style={{ width: '100%' }}
    />
  );
}
