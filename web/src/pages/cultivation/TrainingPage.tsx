import { ExportOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { cultivationExportApi, currentYear, TRAINING_METHOD_LABELS, TRAINING_METHOD_OPTIONS, trainingApi, type TrainingMethod, type TrainingSession } from '../../api/cultivation.ts';
import { hasPermission } from '../../api/types.ts';
import '../../components/cultivation/cultivation.css';
import { TrainingRulesModal } from '../../components/cultivation/TrainingRulesModal.tsx';
import { TrainingSessionModal, type TrainingSessionTarget } from '../../components/cultivation/TrainingSessionModal.tsx';
import { OrgUnitPicker } from '../../components/OrgUnitPicker.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { useMe } from '../../session/SessionContext.tsx';
import { useApiQuery } from '../../state/queryClient.tsx';

/** 培训管理: training sessions of the caller's units and those above, registering sessions, the training rules. */
export function TrainingPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [year, setYear] = useState<number | undefined>(currentYear());
  const [method, setMethod] = useState<TrainingMethod | undefined>();
  const [orgCode, setOrgCode] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [target, setTarget] = useState<TrainingSessionTarget | null>(null);
  const [isRulesOpen, setRulesOpen] = useState(false);
  const ownUnit = me.roles.find((binding) => binding.role !== 'mentor');
  const policyUnit = me.roles.find((binding) => binding.role === 'orgDepartment' || binding.role === 'administrator');
  const canManageRules = hasPermission(me, 'policy.manage') && policyUnit !== undefined;

  const query = { year, method, orgCode, page, pageSize: 20 };
  const sessions = useApiQuery(['training-sessions', query], (signal) => trainingApi.list(query, signal), { keepPrevious: true });
  const list = sessions.data ?? null;

  const years = Array.from({ length: 6 }, (_value, index) => currentYear() - index);

  const columns: ColumnsType<TrainingSession> = [
    { title: '培训名称', key: 'name', width: 220, fixed: 'left', render: (_value, session) => <Link to={`/training/${session.id}`}>{session.name}</Link> },
    { title: '方式', key: 'method', width: 100, render: (_value, session) => <Tag>{TRAINING_METHOD_LABELS[session.method]}</Tag> },
    { title: '举办单位', key: 'organiser', width: 160, render: (_value, session) => session.organiser },
    { title: '日期', key: 'dates', width: 200, render: (_value, session) => (session.startDate === session.endDate ? session.startDate : `${session.startDate} 至 ${session.endDate}`) },
    { title: '天数', key: 'days', width: 70, render: (_value, session) => session.days },
    { title: '地点', key: 'place', width: 140, render: (_value, session) => session.place ?? '—' },
    { title: '参训人数', key: 'attendeeCount', width: 90, render: (_value, session) => session.attendeeCount },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_value, session) => (
        <Space size={0}>
          {session.policies.takeAttendance && <Button type="link" size="small" onClick={() => void navigate(`/training/${session.id}`)}>登记参训</Button>}
          {session.policies.update && <Button type="link" size="small" onClick={() => setTarget({ kind: 'edit', session })}>修改</Button>}
        </Space>
      ),
    },
  ];

  return (
    <div className="training-page">
      <div className="page-header">
        <h2>培训管理</h2>
        <Space wrap align="start">
          <DownloadButton className="no-print" icon={<ExportOutlined />} fetchFile={(onProgress) => cultivationExportApi.attendance({ year, method, orgCode }, onProgress)}>导出参训情况</DownloadButton>
          {canManageRules && <Button icon={<SettingOutlined />} onClick={() => setRulesOpen(true)}>培训规则</Button>}
          {list?.policies.create && <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ kind: 'create', orgCode: ownUnit?.orgCode, orgName: ownUnit?.orgName })}>登记培训</Button>}
        </Space>
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<number | undefined>
          aria-label="年度"
          style={{ width: 120 }}
          value={year}
          onChange={(value) => { setYear(value); setPage(1); }}
          allowClear
          placeholder="全部年度"
          options={years.map((value) => ({ value, label: `${value} 年` }))}
        />
        <Select<TrainingMethod | undefined>
          aria-label="培训方式"
          style={{ width: 140 }}
          value={method}
          onChange={(value) => { setMethod(value); setPage(1); }}
          allowClear
          placeholder="全部方式"
          options={TRAINING_METHOD_OPTIONS}
        />
        <div style={{ width: 260, maxWidth: '90vw' }}><OrgUnitPicker value={orgCode} onChange={(code) => { setOrgCode(code); setPage(1); }} placeholder="全部举办单位" /></div>
      </Space>
      <Table<TrainingSession>
        rowKey="id"
        size="middle"
        className="training-table"
        loading={sessions.isFetching}
        columns={columns}
        dataSource={list?.sessions ?? []}
        scroll={{ x: 1130 }}
        pagination={{ current: page, pageSize: 20, total: list?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (total) => `共 ${total} 期` }}
      />
      <TrainingSessionModal
        target={target}
        onClose={() => setTarget(null)}
        onSaved={(session) => {
          const isNew = target?.kind === 'create';
          setTarget(null);
          void message.success(`已保存培训「${session.name}」`);
          if (isNew) void navigate(`/training/${session.id}`);
        }}
      />
      {canManageRules && (
        <TrainingRulesModal
          open={isRulesOpen}
          defaultOrg={policyUnit ? { code: policyUnit.orgCode, name: policyUnit.orgName } : null}
          onClose={() => setRulesOpen(false)}
          onSaved={(rules) => { setRulesOpen(false); void message.success(`已保存培训规则：每年不少于 ${rules.minimumDaysPerYear} 天`); }}
        />
      )}
    </div>
  );
}
