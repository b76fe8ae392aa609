import { CommentOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { MENTOR_POST_LABELS, mentoringApi, todayInChina, type MentoringAssignment, type MentoringAssignmentList } from '../../api/cultivation.ts';
import { hasPermission } from '../../api/types.ts';
import { AnnualTalkModal } from '../../components/cultivation/AnnualTalkModal.tsx';
import { AssignMentorModal } from '../../components/cultivation/AssignMentorModal.tsx';
import '../../components/cultivation/cultivation.css';
import { useDictionaries } from '../../components/DictionariesContext.tsx';
import { OrgUnitPicker } from '../../components/OrgUnitPicker.tsx';
import { useShowError } from '../../components/useShowError.ts';
import { useMe } from '../../session/SessionContext.tsx';

/** The mentor's own mentees as cards: tap one to record this month's contact. */
function MyMentees() {
  const showError = useShowError();
  const dictionaries = useDictionaries();
  const [assignments, setAssignments] = useState<MentoringAssignment[] | null>(null);
  const [loggedThisMonth, setLoggedThisMonth] = useState<Map<string, string>>(new Map());

  useEffect(() => {
    let isCurrent = true;
    const [year, month] = todayInChina().split('-').map(Number) as [number, number];
    Promise.all([mentoringApi.assignments({ mine: 'true', isActive: 'true', pageSize: 200 }), mentoringApi.contacts({ year, month, pageSize: 200 })])
      .then(([mine, contacts]) => {
        if (!isCurrent) return;
        setAssignments(mine.assignments);
        const latest = new Map<string, string>();
        for (const contact of contacts.contacts) {
          const previous = latest.get(contact.assignmentId);
          if (!previous || previous < contact.contactedOn) latest.set(contact.assignmentId, contact.contactedOn);
        }
        setLoggedThisMonth(latest);
      })
      .catch((error: unknown) => { if (isCurrent) { setAssignments([]); showError(error); } });
    return () => { isCurrent = false; };
  }, [showError]);

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
  const showError = useShowError();
  const [orgCode, setOrgCode] = useState<string | undefined>();
  const [isActiveOnly, setActiveOnly] = useState(true);
  const [page, setPage] = useState(1);
  const [list, setList] = useState<MentoringAssignmentList | null>(null);
  const [isLoading, setLoading] = useState(false);
  const [isAssigning, setAssigning] = useState(false);
  const [talkReserve, setTalkReserve] = useState<{ id: string; name: string } | null | undefined>(undefined);
  const canAssess = hasPermission(me, 'cultivation.assess');

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setList(await mentoringApi.assignments({ orgCode, isActive: isActiveOnly ? 'true' : undefined, page, pageSize: 20 }));
    } catch (error) {
      showError(error);
    } finally {
      setLoading(false);
    }
  }, [orgCode, isActiveOnly, page, showError]);

  useEffect(() => { void load(); }, [load]);
  useEffect(() => { if (assignReserveId) setAssigning(true); }, [assignReserveId]);

  const end = async (assignment: MentoringAssignment) => {
    try {
      await mentoringApi.updateAssignment(assignment.id, { endedOn: todayInChina(), version: assignment.version });
      void message.success(`已结束 ${assignment.mentorName} 对 ${assignment.reserve.name} 的帮带`);
      void load();
    } catch (error) {
      showError(error);
    }
  };

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
            <Popconfirm title={`今天结束 ${row.mentorName} 对 ${row.reserve.name} 的帮带？`} okText="结束" cancelText="取消" onConfirm={() => end(row)}>
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
        <Space wrap>
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
        loading={isLoading}
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
          void load();
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
          <Typography.Title level={5} style={{ marginTop: 0 }}>我的帮带对象</Typography.Title>
          <MyMentees />
        </>
      )}
      {canRead && <Assignments assignReserveId={searchParams.get('assign')} onAssignHandled={() => { if (searchParams.has('assign')) setSearchParams({}, { replace: true }); }} />}
    </div>
  );
}
