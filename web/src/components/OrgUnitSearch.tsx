import { Empty, Input, List, Tag } from 'antd';
import { useState } from 'react';
import { orgUnitsApi } from '../api/orgUnits.ts';
import type { OrgUnit } from '../api/types.ts';
import { useShowError } from './useShowError.ts';

/** Searches units in the user's scope by name or code prefix; a result selects the unit. */
export function OrgUnitSearch({ onSelect }: { onSelect: (unit: OrgUnit) => void }) {
  const showError = useShowError();
  const [results, setResults] = useState<OrgUnit[] | null>(null);
  const [isSearching, setSearching] = useState(false);

  const search = async (text: string) => {
    const q = text.trim();
    if (!q) {
      setResults(null);
      return;
    }
    setSearching(true);
    try {
      setResults(await orgUnitsApi.search(q));
    } catch (error) {
      showError(error);
    } finally {
      setSearching(false);
    }
  };

  return (
    <div style={{ marginBottom: 12 }}>
      <Input.Search
        placeholder="搜索单位名称或区划代码"
        allowClear
        enterButton="搜索"
        loading={isSearching}
        onSearch={(text) => void search(text)}
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
