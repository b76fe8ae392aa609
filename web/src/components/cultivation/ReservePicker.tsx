import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { reservesApi } from '../../api/reserves.ts';
import { useShowError } from '../useShowError.ts';

interface Option { value: string; label: string }

/** Chooses an admitted reserve of the caller's scope by typing part of the name; for use inside Form.Item. */
export function ReservePicker({ value, onChange, initialLabel, orgCode }: { value?: string; onChange?: (id: string | undefined) => void; initialLabel?: string; orgCode?: string }) {
  const showError = useShowError();
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<Option[]>(value && initialLabel ? [{ value, label: initialLabel }] : []);
  const [isLoading, setLoading] = useState(false);

  // A preselected reserve not among the options fetched: show its name, not its id.
  useEffect(() => {
    if (value && initialLabel) setOptions((current) => (current.some((option) => option.value === value) ? current : [{ value, label: initialLabel }, ...current]));
  }, [value, initialLabel]);

  useEffect(() => {
    let isCurrent = true;
    const timer = window.setTimeout(() => {
      setLoading(true);
      reservesApi.list({ status: 'admitted', search: search.trim() || undefined, orgCode, pageSize: 50 })
        .then((list) => {
          if (!isCurrent) return;
          const found = list.reserves.map((reserve) => ({ value: reserve.id, label: `${reserve.person.name}（${reserve.townshipName}${reserve.villageName}）` }));
          setOptions((current) => {
            const selected = current.find((option) => option.value === value);
            return selected && !found.some((option) => option.value === selected.value) ? [selected, ...found] : found;
          });
        })
        .catch(showError)
        .finally(() => { if (isCurrent) setLoading(false); });
    }, 250);
    return () => { isCurrent = false; window.clearTimeout(timer); };
  }, [search, orgCode, showError, value]);

  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      loading={isLoading}
      allowClear
      placeholder="输入姓名查找后备力量"
      notFoundContent={isLoading ? '查找中…' : '未找到在库的后备力量'}
      style={{ width: '100%' }}
    />
  );
}
