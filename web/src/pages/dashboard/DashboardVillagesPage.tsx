import { Alert, Card, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router-dom';
import { villagesApi, type VillageCoverage } from '../../api/villages.ts';
import { useApiQuery } from '../../state/queryClient.tsx';

/** The villages a dashboard figure counts the shortfall of, by rule (the address carries unit and rule). */
const RULE_TITLES: Record<string, string> = {
  minimumReserves: '后备力量不足 2 名的村（社区）',
  youngReserve: '没有 35 岁以下后备力量的村（社区）',
  neededKind: '缺少所需类型后备力量的村（社区）',
  readySuccessor: '书记没有成熟接任人选的村（社区）',
  any: '需要补充后备力量的村（社区）',
};

function isShortOf(village: VillageCoverage, rule: string): boolean {
  if (rule === 'readySuccessor') return !village.hasReadySuccessor;
  if (rule === 'any') return village.isShort;
  return village.rules.some((result) => result.rule === rule && !result.met);
}

/** 工作台 → 名单: the villages of a unit that fall short of one coverage rule. */
export function DashboardVillagesPage() {
  const [params] = useSearchParams();
  const orgCode = params.get('orgCode') ?? '';
  const rule = params.get('rule') ?? 'any';
  const query = useApiQuery(['coverage', orgCode, rule === 'readySuccessor'], (signal) => villagesApi.coverage(orgCode, rule !== 'readySuccessor', signal), { enabled: orgCode !== '' });
  if (!orgCode) return <Result status="info" title="请从工作台选择要查看的数字" />;
  const data = query.data;
  const villages = data?.villages.filter((village) => isShortOf(village, rule)) ?? [];
  const columns: ColumnsType<VillageCoverage> = [
    { title: '村（社区）', dataIndex: 'name', key: 'name', render: (name: string, village) => <Link to={`/villages/${village.orgCode}`}>{name}</Link> },
    { title: '乡镇（街道）', dataIndex: 'townshipName', key: 'townshipName' },
    { title: '后备力量', dataIndex: 'reserves', key: 'reserves', render: (count: number, village) => <Link to={`/reserves?orgCode=${village.orgCode}&status=admitted`}>{count}</Link> },
    { title: '35 岁以下', dataIndex: 'young', key: 'young' },
    { title: '成熟型', dataIndex: 'mature', key: 'mature' },
    {
      title: '不足之处', key: 'rules',
      render: (_: unknown, village) => (
        <Space size={[4, 4]} wrap>
          {village.rules.filter((result) => !result.met).map((result) => <Tag key={result.rule} color="red">{result.label}{result.shortSince ? `（自 ${result.shortSince}）` : ''}</Tag>)}
          {!village.hasReadySuccessor && <Tag>书记无成熟接任人选</Tag>}
        </Space>
      ),
    },
  ];
  return (
    <div>
      <div className="page-header">
        <h2>{RULE_TITLES[rule] ?? RULE_TITLES.any}{data ? `：${data.name}` : ''}</h2>
        <Link to={`/?unit=${orgCode}`}>返回工作台</Link>
      </div>
      {!data ? <Skeleton active /> : (
        <Card size="small">
          {rule === 'readySuccessor' && data.level !== 'township' && data.villagesTotal > data.villages.length && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`共 ${data.villagesTotal} 个村，此处列出前 ${data.villages.length} 个；请选择乡镇查看全部`} />
          )}
          <Typography.Paragraph type="secondary">统计日期 {data.today}，共 {villages.length} 个村（社区）。</Typography.Paragraph>
          <Table rowKey="orgCode" size="small" columns={columns} dataSource={villages} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: true }} />
        </Card>
      )}
    </div>
  );
}
