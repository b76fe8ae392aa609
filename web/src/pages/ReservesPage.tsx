import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { RESERVE_STATUS_LABELS } from '../api/labels.ts';
import { reservesApi } from '../api/reserves.ts';
import { rosterApi } from '../api/roster.ts';
import { hasPermission, type Reserve } from '../api/types.ts';
import { useDictionaries } from '../components/DictionariesContext.tsx';
import { DownloadButton } from '../components/DownloadButton.tsx';
import { PeopleExportButton } from '../components/PeopleExportButton.tsx';
import { PeopleFilterBar } from '../components/PeopleFilterBar.tsx';
import { ReserveFormModal, type ReserveFormTarget } from '../components/ReserveFormModal.tsx';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { ProposeRemovalModal, type RemovalTarget } from '../components/villages/ProposeRemovalModal.tsx';
import { RosterImportModal } from '../components/RosterImportModal.tsx';
import { RESERVE_FILTER_KEYS, usePeopleQuery } from '../components/usePeopleQuery.ts';
import { useMe } from '../session/SessionContext.tsx';
import { useApiQuery } from '../state/queryClient.tsx';

/**
 * 后备力量库: the reserves of the user's scope (一镇一库), filtered and paged on the server; exports
 * the roster (名册) with the same filters and imports a filled-in roster. /reserves/import opens
 * the import wizard directly.
 */
export function ReservesPage() {
  const me = useMe();
  const { message } = App.useApp();
  const dictionaries = useDictionaries();
  const location = useLocation();
  const navigate = useNavigate();
  const { query, apiQuery, setFilters, setPage, setSort, sortOrderOf, pageSizeOptions } = usePeopleQuery(RESERVE_FILTER_KEYS);
  const reserves = useApiQuery(['reserves', apiQuery], (signal) => reservesApi.list(apiQuery, signal), { keepPrevious: true });
  const list = reserves.data ?? null;
  const [formTarget, setFormTarget] = useState<ReserveFormTarget | null>(null);
  const [removalTarget, setRemovalTarget] = useState<RemovalTarget | null>(null);
  const isImportOpen = location.pathname.endsWith('/import');
  const canReveal = hasPermission(me, 'person.revealSensitive');
  const canImport = hasPermission(me, 'reserve.write');
  const canReadCultivation = hasPermission(me, 'cultivation.read');

  const openImport = (isOpen: boolean) => {
    void navigate({ pathname: isOpen ? '/reserves/import' : '/reserves', search: location.search }, { replace: true });
  };

  const columns: ColumnsType<Reserve> = [
    { title: '乡镇', key: 'township', width: 120, render: (_value, reserve) => reserve.townshipName },
    { title: '村（社区）', key: 'orgCode', width: 130, sorter: true, sortOrder: sortOrderOf('orgCode'), render: (_value, reserve) => <Link to={`/villages/${reserve.orgCode}`}>{reserve.villageName}</Link> },
    {
      title: '姓名',
      key: 'name',
      width: 100,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (_value, reserve) => <Link to={`/people/${reserve.person.id}`} className="person-link">{reserve.person.name}</Link>,
    },
    {
      title: '状态',
      key: 'status',
      width: 110,
      render: (_value, reserve) => <Tag color={RESERVE_STATUS_LABELS[reserve.status].color}>{RESERVE_STATUS_LABELS[reserve.status].label}</Tag>,
    },
    { title: '拟任岗位', key: 'targetPost', width: 130, render: (_value, reserve) => dictionaries.label('targetPost', reserve.targetPost) },
    { title: '成熟度', key: 'readiness', width: 150, render: (_value, reserve) => dictionaries.label('readiness', reserve.readiness) },
    {
      title: '结对干部',
      key: 'mentor',
      width: 150,
      render: (_value, reserve) => (reserve.mentorName ? `${reserve.mentorName}${reserve.mentorPost ? `（${reserve.mentorPost}）` : ''}` : '—'),
    },
    { title: '性别', key: 'gender', width: 60, render: (_value, reserve) => dictionaries.label('gender', reserve.person.gender) },
    { title: '年龄', key: 'age', width: 80, sorter: true, sortOrder: sortOrderOf('age'), render: (_value, reserve) => reserve.person.age },
    { title: '学历', key: 'education', width: 100, render: (_value, reserve) => dictionaries.label('education', reserve.person.education) },
    { title: '政治面貌', key: 'politicalStatus', width: 110, render: (_value, reserve) => dictionaries.label('politicalStatus', reserve.person.politicalStatus) },
    { title: '身份（来源）', key: 'sourceCategory', width: 170, render: (_value, reserve) => dictionaries.label('sourceCategory', reserve.sourceCategory) },
    { title: '在外能人', key: 'isAway', width: 90, render: (_value, reserve) => (reserve.person.isLivingAway ? <Tag color="blue">是</Tag> : '否') },
    { title: '入库时间', key: 'admittedOn', width: 110, render: (_value, reserve) => reserve.admittedOn ?? '—' },
    { title: '身份证号', key: 'idNumber', width: 190, render: (_value, reserve) => <span className="masked-id">{reserve.person.idNumberMasked}</span> },
    { title: '电话', key: 'phone', width: 130, render: (_value, reserve) => reserve.person.phoneMasked ?? '—' },
    {
      title: '操作',
      key: 'actions',
      width: 180,
      render: (_value, reserve) => (
        <Space size={0}>
          <Link to={`/people/${reserve.person.id}`}>档案</Link>
          {canReadCultivation && <Link to={`/reserves/${reserve.id}/cultivation`} style={{ marginLeft: 8 }}>培养记录</Link>}
          {reserve.policies.update && (
            <Button type="link" size="small" onClick={() => setFormTarget({ kind: 'edit', reserve, personName: reserve.person.name })}>修改</Button>
          )}
          {hasPermission(me, 'removal.propose') && reserve.status === 'admitted' && (
            <Button type="link" size="small" onClick={() => setRemovalTarget({ reserveId: reserve.id, name: reserve.person.name, villageName: reserve.villageName })}>提出调整</Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <div className="page-header">
        <h2>后备力量库</h2>
        <Space wrap align="start" className="no-print">
          <PeopleExportButton fetchFile={rosterApi.export} filters={query.filters} canReveal={canReveal}>导出名册</PeopleExportButton>
          {canImport && <DownloadButton icon={<DownloadOutlined />} fetchFile={(onProgress) => rosterApi.template(onProgress)}>下载导入模板</DownloadButton>}
          {canImport && <Button type="primary" icon={<UploadOutlined />} onClick={() => openImport(true)}>导入名册</Button>}
        </Space>
      </div>
      <PeopleFilterBar withReserveFields value={query.filters} onSearch={setFilters} />
      <ResponsiveTable<Reserve>
        rowKey="id"
        cardTitle={(reserve) => <Link to={`/people/${reserve.person.id}`} className="person-link">{reserve.person.name}</Link>}
        size="middle"
        className="reserves-table"
        settingsKey="reserves"
        loading={reserves.isFetching}
        columns={columns}
        dataSource={list?.reserves ?? []}
        scroll={{ x: 1970 }}
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
        导出名册按当前筛选条件导出全部结果（不限于本页）；未选择状态时导出已入库人员。纳入后备力量请在人员档案中操作。
      </Typography.Paragraph>
      <ProposeRemovalModal target={removalTarget} onClose={() => setRemovalTarget(null)} />
      <ReserveFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={(reserve) => {
          setFormTarget(null);
          if (reserve) void message.success(`已保存 ${reserve.person.name} 的后备力量信息`);
        }}
      />
      {canImport && <RosterImportModal open={isImportOpen} defaultOrgCode={query.filters.orgCode} onClose={() => openImport(false)} />}
    </div>
  );
}
