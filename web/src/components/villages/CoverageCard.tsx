import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Card, List, Space, Tag, Typography } from 'antd';
import type { VillageCoverage } from '../../api/villages.ts';

/** A village's coverage: each rule met or short (and since when), and whether its secretary seat has a ready-now successor. */
export function CoverageCard({ coverage }: { coverage: VillageCoverage }) {
  return (
    <Card
      size="small"
      title="后备力量覆盖与梯队"
      className="coverage-card"
      style={{ marginBottom: 16 }}
      extra={coverage.isShort ? <Tag color="red">需补充</Tag> : <Tag color="green">已覆盖</Tag>}
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <span>后备力量 {coverage.reserves} 名</span>
        <span>35 岁以下 {coverage.young} 名</span>
        <span>成熟型 {coverage.mature} 名</span>
        <span>书记接任人选 {coverage.successors} 名</span>
        {coverage.hasReadySuccessor ? <Tag color="green">书记有成熟可用的接任人选</Tag> : <Tag color="orange">书记暂无成熟可用的接任人选</Tag>}
      </Space>
      <List
        size="small"
        dataSource={coverage.rules}
        renderItem={(rule) => (
          <List.Item>
            <Space wrap>
              {rule.met ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
              <span>{rule.label}</span>
              <Typography.Text type="secondary">{rule.explanation}</Typography.Text>
              {!rule.met && rule.shortSince && <Tag color="red">自 {rule.shortSince} 起不足</Tag>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
