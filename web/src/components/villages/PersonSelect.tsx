import { Select } from 'antd';
import { useState } from 'react';
import { talentLedgerApi } from '../../api/talentLedger.ts';
import { useApiQuery } from '../../state/queryClient.tsx';

/** A person of the village's talent ledger, searched by name. */
export function PersonSelect({ orgCode, value, onChange, id }: { orgCode: string; value?: string; onChange?: (value: string) => void; id?: string }) {
  const [search, setSearch] = useState('');
  const query = useApiQuery(['talent-ledger', 'pick', orgCode, search], (signal) => talentLedgerApi.list({ orgCode, search: search || undefined, pageSize: 20 }, signal));
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      loading={query.isFetching}
      placeholder="输入姓名查找本村人才台账中的人员"
      notFoundContent={query.isFetching ? '查找中…' : '没有找到，请先在人才台账中登记'}
      options={(query.data?.entries ?? []).map((entry) => ({ value: entry.person.id, label: `${entry.person.name}（${entry.person.age} 岁）` }))}
    />
  );
}
