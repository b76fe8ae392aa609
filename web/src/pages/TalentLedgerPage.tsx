import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { talentLedgerApi } from '../api/talentLedger.ts';
import { hasPermission, type LedgerEntry } from '../api/types.ts';
import { useDictionaries } from '../components/DictionariesContext.tsx';
import { LedgerEntryEditModal } from '../components/LedgerEntryEditModal.tsx';
import { LedgerEntryFormModal } from '../components/LedgerEntryFormModal.tsx';
import { PeopleExportButton } from '../components/PeopleExportButton.tsx';
import { PeopleFilterBar } from '../components/PeopleFilterBar.tsx';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { RosterImportModal } from '../components/RosterImportModal.tsx';
import { LEDGER_FILTER_KEYS, usePeopleQuery } from '../components/usePeopleQuery.ts';
import { useMe } from '../session/SessionContext.tsx';
import { useApiQuery } from '../state/queryClient.tsx';

/**
 * 人才台账: everyone surveyed in the villages of the user's scope (一村一册), filtered and paged on
 * the server; exported with the same filters, and imported from the roster template.
 */
export function TalentLedgerPage() {
  const me = useMe();
  const { message } = App.useApp();
  const dictionaries = useDictionaries();
  const { query, apiQuery, setFilters, setPage, setSort, sortOrderOf, pageSizeOptions } = usePeopleQuery(LEDGER_FILTER_KEYS);
  const ledger = useApiQuery(['talent-ledger', apiQuery], (signal) => talentLedgerApi.list(apiQuery, signal), { keepPrevious: true });
  const list = ledger.data ?? null;
  const [isCreating, setCreating] = useState(false);
  const [isImporting, setImporting] = useState(false);
  const [editing, setEditing] = useState<LedgerEntry | null>(null);

  const columns: ColumnsType<LedgerEntry> = [
    { title: '乡镇', key: 'township', width: 120, render: (_value, entry) => entry.townshipName },
    { title: '村（社区）', key: 'orgCode', width: 130, sorter: true, sortOrder: sortOrderOf('orgCode'), render: (_value, entry) => entry.villageName },
    {
      title: '姓名',
      key: 'name',
      width: 100,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (_value, entry) => <Link to={`/people/${entry.person.id}`} className="person-link">{entry.person.name}</Link>,
    },
    { title: '性别', key: 'gender', width: 60, render: (_value, entry) => dictionaries.label('gender', entry.person.gender) },
    { title: '年龄', key: 'age', width: 80, sorter: true, sortOrder: sortOrderOf('age'), render: (_value, entry) => entry.person.age },
    { title: '学历', key: 'education', width: 100, render: (_value, entry) => dictionaries.label('education', entry.person.education) },
    { title: '政治面貌', key: 'politicalStatus', width: 110, render: (_value, entry) => dictionaries.label('politicalStatus', entry.person.politicalStatus) },
    { title: '来源', key: 'sourceCategory', width: 170, render: (_value, entry) => dictionaries.label('sourceCategory', entry.sourceCategory) },
    { title: '在外能人', key: 'isAway', width: 90, render: (_value, entry) => (entry.isAway ? <Tag color="blue">是</Tag> : '否') },
    { title: '身份证号', key: 'idNumber', width: 190, render: (_value, entry) => <span className="masked-id">{entry.person.idNumberMasked}</span> },
    { title: '电话', key: 'phone', width: 130, render: (_value, entry) => entry.person.phoneMasked ?? '—' },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_value, entry) => (
        <Space size={0}>
          <Link to={`/people/${entry.person.id}`}>档案</Link>
          {entry.policies.update && <Button type="link" size="small" onClick={() => setEditing(entry)}>修改</Button>}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <div className="page-header">
        <h2>人才台账</h2>
        <Space wrap align="start" className="no-print">
          <PeopleExportButton fetchFile={talentLedgerApi.export} filters={query.filters} canReveal={hasPermission(me, 'person.revealSensitive')}>导出台账</PeopleExportButton>
          {list?.policies.create && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>导入台账</Button>}
          {list?.policies.create && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新增</Button>}
        </Space>
      </div>
      <PeopleFilterBar value={query.filters} onSearch={setFilters} />
      <ResponsiveTable<LedgerEntry>
        rowKey="id"
        cardTitle={(entry) => <Link to={`/people/${entry.person.id}`} className="person-link">{entry.person.name}</Link>}
        size="middle"
        className="talent-ledger-table"
        settingsKey="talent-ledger"
        loading={ledger.isFetching}
        columns={columns}
        dataSource={list?.entries ?? []}
        scroll={{ x: 1400 }}
        onChange={(_pagination, _filters, sorter, extra) => { if (extra.action === 'sort') setSort(sorter); }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions,
          showTotal: (total) => (list?.isTotalCapped ? `超过 ${total.toLocaleString('zh-CN')} 人（请用筛选条件缩小范围）` : `共 ${total} 人`),
          onChange: setPage,
        }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        身份证号和电话已脱敏显示；在人员档案中可按权限查看完整号码（查看会记入操作日志）。导出台账按当前筛选条件导出全部结果（不限于本页）。
      </Typography.Paragraph>
      <LedgerEntryFormModal
        open={isCreating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          void message.success(result.isNewPerson
            ? `已登记 ${result.entry.person.name}`
            : `已登记 ${result.entry.person.name}：该身份证号码已有人员档案，已关联到原档案`);
        }}
      />
      <LedgerEntryEditModal
        entry={editing}
        onClose={() => setEditing(null)}
        onSaved={(entry) => {
          setEditing(null);
          if (entry) void message.success(`已保存 ${entry.person.name} 的台账记录`);
        }}
      />
      {list?.policies.create && <RosterImportModal kind="ledger" open={isImporting} defaultOrgCode={query.filters.orgCode} onClose={() => setImporting(false)} />}
    </div>
  );
}
