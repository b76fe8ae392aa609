import { Empty, Input, List, Tag } from 'antd';
import { useState } from 'react';
import { orgUnitsApi } from '../api/orgUnits.ts';
import type { OrgUnit } from '../api/types.ts';
import { useApiQuery } from '../state/queryClient.tsx';

/** Searches units in the user's scope by name or code prefix; a result selects the unit. */
export function OrgUnitSearch({ onSelect }: { onSelect: (unit: OrgUnit) => void }) {
  const [text, setText] = useState('');
  const query = useApiQuery(['org-units', 'search', text], (signal) => orgUnitsApi.search(text, signal), { enabled: text !== '' });
  const results = text === '' ? null : (query.data ?? null);

  return (
    <div style={{ marginBottom: 12 }}>
      <Input.Search
        placeholder="搜索单位名称或区划代码"
        allowClear
        enterButton="搜索"
        loading={query.isFetching}
        onSearch={(value) => setText(value.trim())}
        aria-label="搜索单位"
      />
      {results !== null && (
        <List
          className="org-search-results"
          size="small"
          bordered
          style={{ marginTop: 8, maxHeight: 240, overflow: 'auto' }}
          dataSource={results}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未找到匹配的单位" /> }}
          renderItem={(unit) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => onSelect(unit)}>
              <span>{unit.fullName}</span>
              <Tag>{unit.levelLabel}</Tag>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
