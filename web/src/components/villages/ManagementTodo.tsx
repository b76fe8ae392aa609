import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { appointmentsApi, removalsApi, villagesApi } from '../../api/villages.ts';
import type { Me } from '../../api/types.ts';
import { useApiQuery } from '../../state/queryClient.tsx';

/**
 * The township's and county's work of management and use on the home page: removals waiting for
 * the caller's decision or filing, reserves suggested for adjustment, appointments in progress,
 * villages short of reserves.
 */
export function ManagementTodo({ me }: { me: Me }) {
  const unit = me.roles[0]?.orgCode ?? '';
  const removals = useApiQuery(['reserve-removals', 'todo'], (signal) => removalsApi.list(undefined, signal)).data;
  const appointments = useApiQuery(['appointments', 'inProgress'], (signal) => appointmentsApi.list('inProgress', signal)).data;
  const suggestions = useApiQuery(['reserve-adjustments'], (signal) => removalsApi.suggestions(signal)).data;
  const coverage = useApiQuery(['coverage', unit, true], (signal) => villagesApi.coverage(unit, true, signal), { enabled: unit !== '' }).data;
  const waiting = removals?.removals.filter((removal) => removal.policies.decide || removal.policies.file).length;
  const red = (value: number | undefined) => ({ content: { color: value ? '#c8161d' : undefined } });
  return (
    <Card className="home-management" title="管理与使用待办">
      {removals === undefined ? <Skeleton active paragraph={{ rows: 1 }} /> : (
        <Row gutter={[24, 16]}>
          <Col><Link to="/reserve-removals"><Statistic title="待审批／备案的调整" value={waiting ?? 0} suffix="人" styles={red(waiting)} /></Link></Col>
          <Col><Link to="/reserve-removals?view=suggested"><Statistic title="建议调整的后备力量" value={suggestions?.suggestions.length ?? 0} suffix="人" /></Link></Col>
          <Col><Statistic title="办理中的任用" value={appointments?.appointments.length ?? 0} suffix="件" /></Col>
          {coverage && <Col><Link to="/coverage"><Statistic title="需补充后备力量的村（社区）" value={coverage.summary.shortVillages} suffix="个" styles={red(coverage.summary.shortVillages)} /></Link></Col>}
        </Row>
      )}
    </Card>
  );
}
