import { Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { villagesApi, type VillageCoverage } from '../../api/villages.ts';
import { useApiQuery } from '../../state/queryClient.tsx';

/** The rules a village fails, each with the date it became short, or 已覆盖. */
export function ShortfallTags({ village }: { village: VillageCoverage }) {
  return (
    <Space size={[4, 4]} wrap>
      {village.rules.filter((rule) => !rule.met).map((rule) => <Tag key={rule.rule} color="red">{rule.label}{rule.shortSince ? `（自 ${rule.shortSince}）` : ''}</Tag>)}
      {!village.isShort && <Tag color="green">已覆盖</Tag>}
    </Space>
  );
}

/** Villages shown at a time: a county can have hundreds short of a rule. */
const PAGE_SIZE = 50;

/**
 * 补充提醒: the villages of a unit short of a coverage rule (≥ 2 reserves, one aged 35 or under,
 * the kind the village needs), each with what it lacks since when, opening its village page.
 */
export function ShortVillagesCard({ orgCode }: { orgCode: string }) {
  const query = useApiQuery(['coverage', orgCode, true], (signal) => villagesApi.coverage(orgCode, true, signal));
  const coverage = query.data;
  return (
    <Card
      size="small"
      title="需补充后备力量的村（社区）"
      className="cultivation-section short-villages"
      extra={<Link to="/coverage">覆盖与补充</Link>}
    >
      <List<VillageCoverage>
        loading={query.isFetching && !coverage}
        dataSource={coverage?.villages ?? []}
        locale={{ emptyText: coverage ? '各村（社区）后备力量均符合要求' : '加载中…' }}
        pagination={(coverage?.villages.length ?? 0) > PAGE_SIZE ? { pageSize: PAGE_SIZE, size: 'small', showSizeChanger: false } : false}
        renderItem={(village) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/villages/${village.orgCode}`}>{village.name}</Link>}
              description={<Space orientation="vertical" size={2}><Typography.Text type="secondary">{village.townshipName} · 后备力量 {village.reserves} 名，35 岁以下 {village.young} 名</Typography.Text><ShortfallTags village={village} /></Space>}
            />
          </List.Item>
        )}
      />
      {coverage && coverage.villagesTotal > coverage.villages.length && <Typography.Text type="secondary">共 {coverage.villagesTotal} 个，此处列出前 {coverage.villages.length} 个</Typography.Text>}
    </Card>
  );
}
