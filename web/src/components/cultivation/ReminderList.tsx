import { List, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { RESPONSIBLE_ROLE_LABELS, type Reminder } from '../../api/cultivation.ts';

/** Where to act on a reminder. */
export function reminderLink(reminder: Reminder): { to: string; label: string } {
  const cultivation = (tab: string) => `/reserves/${reminder.reserveId}/cultivation?tab=${tab}`;
  switch (reminder.kind) {
    case 'mentorContact': return { to: `/mentoring/${reminder.reserveId}?month=${reminder.period}`, label: '填写帮带记录' };
    case 'mentoringSummary': return { to: `/mentoring/${reminder.reserveId}?tab=summaries`, label: '填写季度小结' };
    case 'villageOpinion':
    case 'townshipOpinion': return { to: cultivation('assessments'), label: '填写评定意见' };
    case 'annualTraining':
    case 'centralisedTraining': return { to: cultivation('training'), label: '查看培训情况' };
    case 'annualTalk': return { to: cultivation('mentoring'), label: '记录谈心谈话' };
    case 'noMentor': return { to: `/mentoring?assign=${reminder.reserveId}`, label: '指定导师' };
    default: return { to: cultivation('training'), label: '查看' };
  }
}

/** Reminders with what is due or overdue, whom it concerns and a link to act on it. */
export function ReminderList({ reminders, showResponsible = false, emptyText = '暂无待办事项' }: { reminders: readonly Reminder[]; showResponsible?: boolean; emptyText?: string }) {
  return (
    <List
      size="small"
      className="reminder-list"
      dataSource={[...reminders]}
      locale={{ emptyText }}
      renderItem={(reminder) => {
        const link = reminderLink(reminder);
        return (
          <List.Item>
            <div className="reminder-item">
              <Tag color={reminder.status === 'overdue' ? 'red' : 'orange'}>{reminder.status === 'overdue' ? '逾期' : '待办'}</Tag>
              <span className="reminder-text">
                {reminder.message}
                <span className="reminder-meta">
                  {' '}· {reminder.villageName} · 截止 {reminder.dueBy}
                  {showResponsible ? ` · ${RESPONSIBLE_ROLE_LABELS[reminder.responsibleRole]}${reminder.responsibleName ? ` ${reminder.responsibleName}` : ''}` : ''}
                </span>
              </span>
              <Link to={link.to}>{link.label}</Link>
            </div>
          </List.Item>
        );
      }}
    />
  );
}
