import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Result, Skeleton, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { MENTOR_POST_LABELS, mentoringApi, todayInChina, type MentorContact, type MentoringAssignment, type MentoringSummary } from '../../api/cultivation.ts';
import { ContactLogList } from '../../components/cultivation/ContactLogList.tsx';
import { EntryNote } from '../../components/cultivation/EntryNote.tsx';
import { MentorContactForm } from '../../components/cultivation/MentorContactForm.tsx';
import { SummaryForm } from '../../components/cultivation/SummaryForm.tsx';
import '../../components/cultivation/cultivation.css';
import { useDictionaries } from '../../components/DictionariesContext.tsx';
import { DATE_FORMAT } from '../../components/formatDate.ts';
import { recordLoadError, useApiQuery } from '../../state/queryClient.tsx';
import { hasPermission } from '../../api/types.ts';
import { useMe } from '../../session/SessionContext.tsx';

interface Loaded {
  assignments: MentoringAssignment[];
  contacts: MentorContact[];
  summaries: MentoringSummary[];
}

/** The last day of a month given as YYYY-MM: a log of that month dated as late in it as possible. */
function lastDayOfMonth(month: string): string {
  return dayjs(`${month}-01`).endOf('month').format(DATE_FORMAT);
}

/**
 * One mentee (帮带对象), phone-first: the monthly contact form on top, the past logs below, and the
 * quarterly summaries with their assessment opinion in the second tab.
 */
export function MenteePage() {
  const { reserveId = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const dictionaries = useDictionaries();
  const [searchParams, setSearchParams] = useSearchParams();
  const [editing, setEditing] = useState<MentorContact | null>(null);
  const [editingSummary, setEditingSummary] = useState<MentoringSummary | null>(null);
  const tab = searchParams.get('tab') === 'summaries' ? 'summaries' : 'contacts';
  /** The month a reminder link asks for (填写帮带记录 of an earlier month): the form starts dated in it. */
  const reminderMonth = searchParams.get('month');
  const query = useApiQuery(['mentee', reserveId], async (signal): Promise<Loaded> => {
    const [assignments, contacts, summaries] = await Promise.all([
      mentoringApi.assignments({ reserveId, pageSize: 50 }, signal),
      mentoringApi.contacts({ reserveId, pageSize: 200 }, signal),
      mentoringApi.summaries({ reserveId, pageSize: 50 }, signal),
    ]);
    return { assignments: assignments.assignments, contacts: contacts.contacts, summaries: summaries.summaries };
  });
  const loaded = query.data ?? null;
  const loadError = recordLoadError(query.error);

  if (loadError) {
    return <Result status={loadError.status === 403 ? '403' : '404'} title="无法查看该帮带对象" subTitle={loadError.message} extra={<Button onClick={() => void navigate('/mentoring')}>返回我的帮带对象</Button>} />;
  }
  if (!loaded) return <Skeleton active paragraph={{ rows: 8 }} />;

  const active = loaded.assignments.filter((assignment) => assignment.isActive);
  const assignment = active.find((item) => item.mentorUserId === me.userId) ?? active[0] ?? null;
  // Officers who write the village's records may log on the mentor's behalf; a mentor logs for their own mentees.
  const canLog = assignment !== null && (hasPermission(me, 'cultivation.write') || assignment.mentorUserId === me.userId);
  const reserve = assignment?.reserve ?? loaded.contacts[0]?.reserve ?? loaded.assignments[0]?.reserve;
  const month = todayInChina().slice(0, 7);
  const formMonth = reminderMonth && /^\d{4}-\d{2}$/.test(reminderMonth) && reminderMonth < month ? reminderMonth : month;
  const hasThisMonth = loaded.contacts.some((contact) => contact.contactedOn.startsWith(month) && (!assignment || contact.assignmentId === assignment.id));

  return (
    <div className="mentee-page">
      <div className="mentee-head">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }} onClick={() => void navigate('/mentoring')}>我的帮带对象</Button>
        <h2>{reserve?.name ?? '帮带对象'}</h2>
        {reserve && (
          <div className="mentee-meta">
            {reserve.townshipName}{reserve.villageName} · 拟任{dictionaries.label('targetPost', reserve.targetPost)}
            {' · '}<Link to={`/reserves/${reserveId}/cultivation`}>培养记录</Link>
          </div>
        )}
        {assignment && (
          <div className="mentee-meta">导师 {assignment.mentorName}（{assignment.mentorTitle ?? MENTOR_POST_LABELS[assignment.mentorPost]}），自 {assignment.startedOn} 起</div>
        )}
      </div>
      {assignment && !canLog && <Alert type="info" showIcon title="您可以查看帮带记录，填写由导师本人或村、乡镇负责" style={{ marginBottom: 12 }} />}
      {!assignment && <Alert type="warning" showIcon title="该后备力量目前没有帮带期内的导师，不能填写帮带记录" style={{ marginBottom: 12 }} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearchParams(key === 'summaries' ? { tab: key } : {}, { replace: true })}
        items={[
          {
            key: 'contacts',
            label: `帮带记录（${loaded.contacts.length}）`,
            children: (
              <>
                {assignment && canLog && (
                  <Card
                    size="small"
                    className="cultivation-section"
                    title={editing ? `修改 ${editing.contactedOn} 的帮带记录` : formMonth === month ? '填写本月帮带记录' : `填写 ${Number(formMonth.slice(0, 4))} 年 ${Number(formMonth.slice(5))} 月帮带记录`}
                    extra={!editing && formMonth === month && (hasThisMonth ? <Tag color="green">本月已填写</Tag> : <Tag color="orange">本月未填写</Tag>)}
                  >
                    <MentorContactForm
                      assignmentId={assignment.id}
                      editing={editing}
                      defaultDate={formMonth === month ? undefined : lastDayOfMonth(formMonth)}
                      onCancel={editing ? () => setEditing(null) : undefined}
                      onSaved={() => {
                        setEditing(null);
                        if (reminderMonth) setSearchParams({}, { replace: true });
                      }}
                    />
                  </Card>
                )}
                <Typography.Title level={5}>历史帮带记录</Typography.Title>
                <ContactLogList
                  contacts={loaded.contacts}
                  onEdit={(contact) => { setEditing(contact); window.scrollTo({ top: 0, behavior: 'smooth' }); }}
                />
              </>
            ),
          },
          {
            key: 'summaries',
            label: `季度小结（${loaded.summaries.length}）`,
            children: (
              <>
                {assignment && canLog && (
                  <Card size="small" className="cultivation-section" title={editingSummary ? `修改 ${editingSummary.year} 年第 ${editingSummary.quarter} 季度小结` : '填写季度帮带小结和评定意见'}>
                    <SummaryForm
                      assignmentId={assignment.id}
                      editing={editingSummary}
                      onCancel={editingSummary ? () => setEditingSummary(null) : undefined}
                      onSaved={() => setEditingSummary(null)}
                    />
                  </Card>
                )}
                {loaded.summaries.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无季度小结" /> : (
                  [...loaded.summaries].sort((a, b) => b.year - a.year || b.quarter - a.quarter).map((summary) => (
                    <div key={summary.id} className="contact-log">
                      <div className="contact-log-head">
                        <span className="contact-log-date">{summary.year} 年第 {summary.quarter} 季度</span>
                        {summary.periodText && <Tag>{summary.periodText}</Tag>}
                        <span className="contact-log-by">导师 {summary.mentorName}</span>
                      </div>
                      <div className="step-meta"><EntryNote entry={summary} /></div>
                      <dl>
                        <div><dt>帮扶内容</dt><dd>{summary.content}</dd></div>
                        <div><dt>评定意见</dt><dd>{summary.opinion}</dd></div>
                      </dl>
                      {summary.policies.update && canLog && (
                        <div className="contact-log-actions">
                          <Button size="small" onClick={() => { setEditingSummary(summary); window.scrollTo({ top: 0, behavior: 'smooth' }); }}>修改</Button>
                        </div>
                      )}
                    </div>
                  ))
                )}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
