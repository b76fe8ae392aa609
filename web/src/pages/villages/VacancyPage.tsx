import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Result, Skeleton, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { hasPermission } from '../../api/types.ts';
import { appointmentsApi, type Appointment, type RecommendInput, type Suggestion } from '../../api/villages.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { NEED_LABELS, PROXIMITY_LABELS, REASON_COLORS, todayText } from '../../components/villages/labels.ts';
import { useMe } from '../../session/SessionContext.tsx';
import { recordLoadError, useApiQuery } from '../../state/queryClient.tsx';

type RecommendForm = Omit<RecommendInput, 'vacancyId' | 'reserveId'>;

/** Each reason of a suggestion: green for what speaks for the reserve, red against, grey for information. */
function Reasons({ reasons }: { reasons: Suggestion['reasons'] }) {
  return (
    <Space size={[4, 4]} wrap className="suggestion-reasons">
      {reasons.map((reason) => <Tag key={reason.text} color={REASON_COLORS[reason.kind]} style={{ whiteSpace: 'normal' }}>{reason.text}</Tag>)}
    </Space>
  );
}

/** 空缺职务: the ranked suggestions (own village, then township, then county) with their reasons, and the recommendation of one of them. */
export function VacancyPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<Suggestion | null>(null);
  const query = useApiQuery(['vacancy-suggestions', id], (signal) => appointmentsApi.suggestions(id, signal));
  const canRecommend = hasPermission(me, 'appointment.recommend');

  const error = recordLoadError(query.error);
  if (error) {
    return <Result status={error.status === 403 ? '403' : '404'} title="无法查看该空缺职务" subTitle={error.message} />;
  }
  const data = query.data;
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const { vacancy } = data;

  const columns: ColumnsType<Suggestion> = [
    { title: '排序', dataIndex: 'rank', key: 'rank', width: 60 },
    { title: '姓名', dataIndex: 'name', key: 'name', width: 90 },
    { title: '所在村', dataIndex: 'villageName', key: 'villageName', width: 120 },
    { title: '范围', dataIndex: 'proximity', key: 'proximity', width: 90, render: (proximity: Suggestion['proximity']) => PROXIMITY_LABELS[proximity] },
    { title: '任职条件', dataIndex: 'isEligible', key: 'isEligible', width: 90, render: (isEligible: boolean) => (isEligible ? <Tag color="green">符合</Tag> : <Tag color="red">不符合</Tag>) },
    { title: '理由', dataIndex: 'reasons', key: 'reasons', render: (reasons: Suggestion['reasons']) => <Reasons reasons={reasons} /> },
    ...(canRecommend && vacancy.closedOn === null ? [{
      title: '操作', key: 'actions', width: 90,
      render: (_: unknown, suggestion: Suggestion) => <Button size="small" type={suggestion.rank === 1 ? 'primary' : 'default'} onClick={() => setChosen(suggestion)}>推荐任职</Button>,
    }] : []),
  ];

  return (
    <div>
      <div className="page-header">
        <h2>空缺职务：{vacancy.villageName}{vacancy.postLabel}</h2>
        <Link to={`/villages/${vacancy.orgCode}`}>返回村（社区）页面</Link>
      </div>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 3, lg: 3, xl: 3, xxl: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="出缺日期">{vacancy.openedOn}</Descriptions.Item>
        <Descriptions.Item label="原因">{vacancy.cause}</Descriptions.Item>
        <Descriptions.Item label="状态">{vacancy.closedOn ? <Tag>已补齐（{vacancy.closedOn}）</Tag> : <Tag color="orange">空缺</Tag>}</Descriptions.Item>
        <Descriptions.Item label="村里需要" span={3}>{data.need ? <Tag color="purple">{NEED_LABELS[data.need]}</Tag> : <Tag>不限类型</Tag>} {data.needExplanation}</Descriptions.Item>
      </Descriptions>
      <Card size="small" title={`建议人选（共比较 ${data.considered} 名后备力量）`}>
        <Typography.Paragraph type="secondary">本村优先，其次本乡镇，再次全县统筹调配；绿色为有利条件，红色为不符合或不利之处，灰色为说明。</Typography.Paragraph>
        <ResponsiveTable<Suggestion> rowKey="reserveId" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={columns} dataSource={data.suggestions}
          cardTitle={(suggestion) => `${suggestion.rank}. ${suggestion.name}（${suggestion.villageName}）`} locale={{ emptyText: '没有可推荐的后备力量' }} className="suggestion-list" />
      </Card>

      <FormModal<RecommendForm, Appointment>
        title={chosen ? `推荐 ${chosen.name} 任${vacancy.villageName}${vacancy.postLabel}` : '推荐任职'}
        open={chosen !== null}
        onClose={() => setChosen(null)}
        okText="推荐"
        initialValues={{ termYear: new Date().getFullYear(), recommendedOn: todayText() }}
        intro={chosen && !chosen.isEligible ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="该人选不完全符合任职条件，请核实后再推荐" /> : null}
        save={(values) => appointmentsApi.recommend({ ...values, vacancyId: vacancy.id, reserveId: chosen?.reserveId ?? '' })}
        onSaved={(appointment) => { setChosen(null); void message.success('已推荐，待乡镇党委审批'); void navigate(`/appointments/${appointment.id}`); }}
      >
        <Form.Item name="termYear" label="届别（换届年份）" rules={[{ required: true, message: '请填写届别' }]}><InputNumber min={1990} max={2100} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="recommendedOn" label="村（社区）党组织研究推荐的日期" rules={[{ required: true, message: '请填写推荐日期' }]}><DateInput /></Form.Item>
        <Form.Item name="basis" label="推荐意见（会议、理由）" rules={[{ required: true, message: '请填写推荐意见' }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
      </FormModal>
    </div>
  );
}
