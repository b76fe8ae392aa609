import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Spin, Switch, Table, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { dictionariesApi } from '../api/dictionaries.ts';
import type { Dictionary, DictionaryItem } from '../api/types.ts';
import { DICTIONARIES_QUERY_KEY } from '../components/DictionariesContext.tsx';
import { DictionaryItemModal } from '../components/DictionaryItemModal.tsx';
import { useApiQuery } from '../state/queryClient.tsx';
import { useSaveMutation } from '../state/useSaveMutation.ts';

/** 数据字典: one tab per dictionary; editing only when the response's policies allow it. */
export function DictionariesPage() {
  const { message } = App.useApp();
  // The same query as the labels every page shares: a save here refreshes both.
  const list = useApiQuery(DICTIONARIES_QUERY_KEY, (signal) => dictionariesApi.list(signal)).data ?? null;
  const [activeKey, setActiveKey] = useState<string>();
  const [target, setTarget] = useState<{ dictionary: Dictionary; item: DictionaryItem | null } | null>(null);
  const enabling = useSaveMutation({
    save: ({ item, isEnabled }: { item: DictionaryItem; isEnabled: boolean }) => dictionariesApi.updateItem(item.id, { isEnabled, version: item.version }),
    onSaved: (_result, { item, isEnabled }) => { void message.success(isEnabled ? `已启用「${item.label}」` : `已停用「${item.label}」`); },
  });

  if (!list) return <Spin />;
  const canManage = list.policies.manage;

  const columnsFor = (dictionary: Dictionary): ColumnsType<DictionaryItem> => [
    { title: '代码', dataIndex: 'code', width: 180 },
    { title: '名称', dataIndex: 'label', width: 240 },
    { title: '排序', dataIndex: 'sortOrder', width: 80 },
    {
      title: '启用',
      dataIndex: 'isEnabled',
      width: 90,
      render: (isEnabled: boolean, item) => (
        <Switch checked={isEnabled} disabled={!canManage} loading={enabling.isSaving} onChange={(checked) => enabling.submit({ item, isEnabled: checked })} aria-label={`启用 ${item.label}`} />
      ),
    },
    ...(canManage ? [{
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_value: unknown, item: DictionaryItem) => <Button type="link" size="small" onClick={() => setTarget({ dictionary, item })}>修改</Button>,
    }] : []),
  ];

  return (
    <div>
      <div className="page-header"><h2>数据字典</h2></div>
      <Tabs
        activeKey={activeKey ?? list.dictionaries[0]?.dictionary}
        onChange={setActiveKey}
        items={list.dictionaries.map((dictionary) => ({
          key: dictionary.dictionary,
          label: dictionary.label,
          children: (
            <>
              {canManage && (
                <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setTarget({ dictionary, item: null })}>新增字典项</Button>
              )}
              <Table<DictionaryItem>
                rowKey="id"
                size="small"
                columns={columnsFor(dictionary)}
                dataSource={[...dictionary.items].sort((a, b) => a.sortOrder - b.sortOrder)}
                pagination={false}
                scroll={{ x: 640 }}
              />
            </>
          ),
        }))}
      />
      <DictionaryItemModal
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => setTarget(null)}
      />
    </div>
  );
}
