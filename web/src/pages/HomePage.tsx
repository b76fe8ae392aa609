import { Badge, Card, Col, Descriptions, List, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { remindersApi } from '../api/cultivation.ts';
import { orgUnitsApi } from '../api/orgUnits.ts';
import { hasPermission, type Me, type OrgUnit } from '../api/types.ts';
import '../components/cultivation/cultivation.css';
import { ReminderList as Reminders } from '../components/cultivation/ReminderList.tsx';
import { hasJointReviewInbox } from '../components/navigation.tsx';
import { usePendingJointReviewCount } from '../components/selection/usePendingJointReviews.ts';
import { useApiQuery } from '../state/queryClient.tsx';
import { useMe } from '../session/SessionContext.tsx';
import { ManagementTodo } from '../components/villages/ManagementTodo.tsx';
import { Dashboard, hasDashboard } from './dashboard/Dashboard.tsx';

interface RootSummary {
  root: OrgUnit;
  /** Child units counted by level label, e.g. 村 → 12. */
  byLevel: [string, number][];
}

async function summarise(root: OrgUnit): Promise<RootSummary> {
  const children = root.childCount > 0 ? await orgUnitsApi.children(root.code) : [];
  const counts = new Map<string, number>();
  for (const child of children) counts.set(child.levelLabel, (counts.get(child.levelLabel) ?? 0) + 1);
  return { root, byLevel: [...counts.entries()] };
}

const REMINDERS_SHOWN = 10;

/** The caller's cultivation reminders (what is due or overdue), each with a link to act on it. */
function MyReminders({ me }: { me: Me }) {
  const list = useApiQuery(['reminders-mine', REMINDERS_SHOWN], (signal) => remindersApi.mine({ pageSize: REMINDERS_SHOWN }, signal)).data ?? null;
  const canSeeUnit = hasPermission(me, 'cultivation.read');
  const overdue = list?.reminders.filter((reminder) => reminder.status === 'overdue').length ?? 0;
  return (
    <Card
      className="home-reminders"
      title={<span>我的待办 {list && list.total > 0 && <Badge count={list.total} overflowCount={999} style={{ marginLeft: 4 }} />}</span>}
      extra={canSeeUnit ? <Link to="/reminders">全部提醒</Link> : <Link to="/mentoring">我的帮带对象</Link>}
    >
      {list === null ? <Skeleton active paragraph={{ rows: 3 }} /> : (
        <>
          <Reminders reminders={list.reminders} emptyText="暂无待办事项，本月的帮带记录、季度意见和培训都已落实" />
          {list.total > list.reminders.length && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              还有 {list.total - list.reminders.length} 项{overdue > 0 ? '（逾期在前）' : ''}，{canSeeUnit ? <Link to="/reminders">查看全部</Link> : '请逐一办理'}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}

/** The joint-review department's work: how many candidates wait for its answer, and the way to the inbox. */
function PendingJointReviews() {
  const pending = usePendingJointReviewCount();
  return (
    <Card className="home-joint-reviews" title="联审待办" extra={<Link to="/joint-reviews">进入联审</Link>}>
      {pending === null ? <Skeleton active paragraph={{ rows: 1 }} /> : (
        <Statistic title="待回复的联审人选" value={pending} suffix="人" styles={{ content: { color: pending > 0 ? '#c8161d' : undefined } }} />
      )}
    </Card>
  );
}

/** The dashboard for the org department, township and auditor roles (a welcome for the others), then the caller's reminders, roles and units. */
export function HomePage() {
  const me = useMe();
  const summaries = useApiQuery(['home-units'], async (signal) => Promise.all((await orgUnitsApi.roots(signal)).map(summarise))).data ?? null;
  const showReminders = hasPermission(me, 'cultivation.read') || hasPermission(me, 'mentoring.log');
  const showJointReviews = hasJointReviewInbox(me);

  return (
    <div>
      {!hasDashboard(me) && <Typography.Title level={3} style={{ marginTop: 0 }}>后备力量选育管用系统</Typography.Title>}
      <Typography.Paragraph>您好，{me.displayName}！欢迎使用后备力量选育管用系统。</Typography.Paragraph>
      {hasDashboard(me) && <Dashboard me={me} />}
      <Row gutter={[16, 16]} style={hasDashboard(me) ? { marginTop: 16 } : undefined}>
        {showJointReviews && <Col xs={24}><PendingJointReviews /></Col>}
        {showReminders && <Col xs={24}><MyReminders me={me} /></Col>}
        {(hasPermission(me, 'removal.approve') || hasPermission(me, 'removal.file')) && <Col xs={24}><ManagementTodo me={me} /></Col>}
        <Col xs={24} lg={12}>
          <Card title="我的角色与单位">
            <List
              dataSource={me.roles}
              locale={{ emptyText: '暂无角色，请联系管理员授权' }}
              renderItem={(binding) => (
                <List.Item>
                  <Descriptions size="small" column={1} style={{ width: '100%' }}>
                    <Descriptions.Item label="角色"><Tag color="red">{binding.roleLabel}</Tag>{binding.department ?? ''}</Descriptions.Item>
                    <Descriptions.Item label="单位">{binding.orgName}</Descriptions.Item>
                  </Descriptions>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="管理范围" extra={<Link to="/org-units">查看组织机构</Link>}>
            {summaries === null ? <Skeleton active /> : (
              <List
                dataSource={summaries}
                locale={{ emptyText: '暂无管理范围' }}
                renderItem={({ root, byLevel }) => (
                  <List.Item>
                    <div style={{ width: '100%' }}>
                      <Typography.Text strong>{root.fullName}</Typography.Text>
                      <Row gutter={16} style={{ marginTop: 8 }}>
                        <Col><Statistic title="下级单位" value={root.childCount} /></Col>
                        {byLevel.map(([label, count]) => <Col key={label}><Statistic title={label} value={count} /></Col>)}
                      </Row>
                    </div>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
