import { CommentOutlined, ExportOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Select, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { cultivationExportApi, currentYear, MENTOR_POST_LABELS, mentoringApi, todayInChina, type MentoringAssignment } from '../../api/cultivation.ts';
import { hasPermission } from '../../api/types.ts';
import { AnnualTalkModal } from '../../components/cultivation/AnnualTalkModal.tsx';
import { AssignMentorModal } from '../../components/cultivation/AssignMentorModal.tsx';
import '../../components/cultivation/cultivation.css';
import { useDictionaries } from '../../components/DictionariesContext.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { OrgUnitPicker } from '../../components/OrgUnitPicker.tsx';
import { useMe } from '../../session/SessionContext.tsx';
import { useApiQuery } from '../../state/queryClient.tsx';
import { useSaveMutation } from '../../state/useSaveMutation.ts';

/** 导出帮带记录: the contact logs of a year the user may read (a mentor's own, a unit's), as xlsx. */
function ContactLogExport({ orgCode }: { orgCode?: string | undefined }) {
  const [year, setYear] = useState(currentYear());
  return (
    <Space wrap align="start" className="no-print">
      <Select<number> aria-label="帮带记录年度" value={year} style={{ width: 110 }} onChange={setYear} options={Array.from({ length: 4 }, (_value, index) => currentYear() - index).map((value) => ({ value, label: `${value} 年` }))} />
      <DownloadButton icon={<ExportOutlined />} fetchFile={(onProgress) => cultivationExportApi.contacts({ year, orgCode }, onProgress)}>导出帮带记录</DownloadButton>
    </Space>
  );
}

/** The mentor's own mentees as cards: tap one to record this month's contact. */
function MyMentees() {
  const dictionaries = useDictionaries();
  const [year, month] = todayInChina().split('-').map(Number) as [number, number];
  const mine = useApiQuery(['mentoring-assignments', 'mine'], (signal) => mentoringApi.assignments({ mine: 'true', isActive: 'true', pageSize: 200 }, signal));
  const contacts = useApiQuery(['mentor-contacts', year, month], (signal) => mentoringApi.contacts({ year, month, pageSize: 200 }, signal));
  const assignments = mine.isError ? [] : (mine.data?.assignments ?? null);
  const loggedThisMonth = useMemo(() => {
    const latest = new Map<string, string>();
    for (const contact of contacts.data?.contacts ?? []) {
      const previous = latest.get(contact.assignmentId);
      if (!previous || previous < contact.contactedOn) latest.set(contact.assignmentId, contact.contactedOn);
    }
    return latest;
  }, [contacts.data]);

  if (assignments === null) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (assignments.length === 0) return <Empty description="目前没有帮带期内的帮带对象" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <div className="mentee-cards">
      {assignments.map((assignment) => {
        const logged = loggedThisMonth.get(assignment.id);
        return (
          <Link key={assignment.id} to={`/mentoring/${assignment.reserve.id}`} className="mentee-card" data-reserve-id={assignment.reserve.id}>
            <div className="mentee-card-name">{assignment.reserve.name}</div>
            <div className="mentee-card-meta">
              {assignment.reserve.townshipName}{assignment.reserve.villageName}<br />
              拟任{dictionaries.label('targetPost', assignment.reserve.targetPost)} · 自 {assignment.startedOn} 起帮带
            </div>
            <div className="mentee-card-state">
              {logged ? <Tag color="green">本月已联系（{logged}）</Tag> : <Tag color="orange">本月未填写帮带记录</Tag>}
            </div>
          </Link>
        );
      })}
    </div>
  );
}

/** The township's (or county's) view: every assignment in scope, assigning mentors, ending assignments, annual talks. */
function Assignments({ assignReserveId, onAssignHandled }: { assignReserveId: string | null; onAssignHandled: () => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [orgCode, setOrgCode] = useState<string | undefined>();
  const [isActiveOnly, setActiveOnly] = useState(true);
  const [page, setPage] = useState(1);
  const [isAssigning, setAssigning] = useState(false);
  const [talkReserve, setTalkReserve] = useState<{ id: string; name: string } | null | undefined>(undefined);
  const canAssess = hasPermission(me, 'cultivation.assess');
  const query = { orgCode, isActive: isActiveOnly ? 'true' : undefined, page, pageSize: 20 };
  const assignments = useApiQuery(['mentoring-assignments', query], (signal) => mentoringApi.assignments(query, signal), { keepPrevious: true });
  const list = assignments.data ?? null;
  const ending = useSaveMutation({
    save: (assignment: MentoringAssignment) => mentoringApi.updateAssignment(assignment.id, { endedOn: todayInChina(), version: assignment.version }),
    onSaved: (_result, assignment) => { void message.success(`已结束 ${assignment.mentorName} 对 ${assignment.reserve.name} 的帮带`); },
  });

  useEffect(() => { if (assignReserveId) setAssigning(true); }, [assignReserveId]);

  const columns: ColumnsType<MentoringAssignment> = [
    { title: '后备力量', key: 'reserve', width: 110, render: (_value, row) => <Link to={`/reserves/${row.reserve.id}/cultivation`}>{row.reserve.name}</Link> },
    { title: '村（社区）', key: 'village', width: 160, render: (_value, row) => `${row.reserve.townshipName}${row.reserve.villageName}` },
    { title: '导师', key: 'mentor', width: 110, render: (_value, row) => <>{row.mentorName}{row.mentorUserId && <Tag style={{ marginLeft: 4 }}>用户</Tag>}</> },
    { title: '身份 / 职务', key: 'post', width: 160, render: (_value, row) => `${MENTOR_POST_LABELS[row.mentorPost]}${row.mentorTitle ? ` / ${row.mentorTitle}` : ''}` },
    { title: '帮带期', key: 'period', width: 180, render: (_value, row) => `${row.startedOn} — ${row.endedOn ?? '至今'}` },
    { title: '状态', key: 'active', width: 80, render: (_value, row) => (row.isActive ? <Tag color="green">帮带中</Tag> : <Tag>已结束</Tag>) },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_value, row) => (
        <Space size={0} wrap>
          <Link to={`/mentoring/${row.reserve.id}`}>帮带记录</Link>
          {canAssess && <Button type="link" size="small" onClick={() => setTalkReserve({ id: row.reserve.id, name: row.reserve.name })}>书记谈话</Button>}
          {row.policies.update && row.isActive && (
            <Popconfirm title={`今天结束 ${row.mentorName} 对 ${row.reserve.name} 的帮带？`} okText="结束" cancelText="取消" onConfirm={() => ending.submit(row)}>
              <Button type="link" size="small" danger>结束帮带</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="结对帮带关系"
      size="small"
      className="cultivation-section"
      extra={(
        <Space wrap align="start">
          <ContactLogExport orgCode={orgCode} />
          {canAssess && <Button icon={<CommentOutlined />} onClick={() => setTalkReserve(null)}>记录书记谈话</Button>}
          {list?.policies.create && <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAssigning(true)}>指定导师</Button>}
        </Space>
      )}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <div style={{ width: 280, maxWidth: '80vw' }}><OrgUnitPicker value={orgCode} onChange={(code) => { setOrgCode(code); setPage(1); }} placeholder="全部单位（可选乡镇、村）" /></div>
        <Space><Switch checked={isActiveOnly} onChange={(checked) => { setActiveOnly(checked); setPage(1); }} />只看帮带中</Space>
      </Space>
      <Table<MentoringAssignment>
        rowKey="id"
        size="small"
        loading={assignments.isFetching}
        columns={columns}
        dataSource={list?.assignments ?? []}
        scroll={{ x: 1000 }}
        pagination={{ current: page, pageSize: 20, total: list?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (total) => `共 ${total} 条` }}
      />
      <AssignMentorModal
        open={isAssigning}
        reserveId={assignReserveId}
        onClose={() => { setAssigning(false); onAssignHandled(); }}
        onSaved={(saved) => {
          setAssigning(false);
          onAssignHandled();
          void message.success(`已为 ${saved.reserve.name} 指定帮带导师 ${saved.mentorName}`);
        }}
      />
      <AnnualTalkModal
        open={talkReserve !== undefined}
        reserve={talkReserve}
        onClose={() => setTalkReserve(undefined)}
        onSaved={(talk) => { setTalkReserve(undefined); void message.success(`已记录与 ${talk.reserve.name} 的谈心谈话`); }}
      />
    </Card>
  );
}

/** 结对帮带: a mentor's mentees (phone-first), and for townships and counties the assignments in their scope. */
export function MentoringPage() {
  const me = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const isMentor = useMemo(() => me.roles.some((binding) => binding.role === 'mentor'), [me.roles]);
  const canRead = hasPermission(me, 'cultivation.read');
  return (
    <div className="mentoring-page">
      <div className="page-header"><h2>结对帮带</h2></div>
      {isMentor && (
        <>
          <div className="page-header">
            <Typography.Title level={5} style={{ margin: 0 }}>我的帮带对象</Typography.Title>
            {!canRead && <ContactLogExport />}
          </div>
          <MyMentees />
        </>
      )}
      {canRead && <Assignments assignReserveId={searchParams.get('assign')} onAssignHandled={() => { if (searchParams.has('assign')) setSearchParams({}, { replace: true }); }} />}
    </div>
  );
}
