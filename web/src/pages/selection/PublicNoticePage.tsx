import { ArrowLeftOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Radio, Result, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { selectionApi, type Objection, type PublicNotice } from '../../api/selection.ts';
import { todayInChina } from '../../api/cultivation.ts';
import { hasPermission } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { OUTCOME_COLORS, OUTCOME_LABELS, STAGE_LABELS, toDateText } from '../../components/selection/labels.ts';
import { useMe } from '../../session/SessionContext.tsx';
import { recordLoadError, useApiQuery } from '../../state/queryClient.tsx';

type NoticeCandidate = PublicNotice['candidates'][number];
type Editing = { kind: 'record' } | { kind: 'handle'; objection: Objection } | null;

interface ObjectionForm { candidateId?: string; receivedOn?: Dayjs | null; content?: string; handling?: string; isSubstantiated?: boolean }

/** The notice as posted: the first line as the title, the issuer and date (the last two lines) set to the right. */
function NoticeText({ text }: { text: string }) {
  const lines = text.replace(/\s+$/, '').split('\n');
  const title = lines[0] ?? '';
  const hasSignature = lines.length > 3 && /\d{4}年\d{1,2}月\d{1,2}日$/.test(lines[lines.length - 1] ?? '');
  const body = lines.slice(1, hasSignature ? -2 : undefined).join('\n').replace(/^\n+/, '');
  return (
    <div className="notice-text">
      <div className="notice-title">{title}</div>
      <div className="notice-body">{body}</div>
      {hasSignature && <div className="notice-signature">{lines.slice(-2).join('\n')}</div>}
    </div>
  );
}

/** 公示: the printable notice text (打印 for posting) with the candidates, and the objections received with their handling. */
export function PublicNoticePage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const query = useApiQuery(['selection', 'notice', id], (signal) => selectionApi.notice(id, signal));
  const notice = query.data ?? null;
  const loadError = recordLoadError(query.error);
  const [editing, setEditing] = useState<Editing>(null);
  const canReview = hasPermission(me, 'selection.review');

  const save = (values: ObjectionForm): Promise<unknown> => (editing?.kind === 'handle'
    ? selectionApi.handleObjection(editing.objection.id, { handling: values.handling?.trim() ?? '', isSubstantiated: values.isSubstantiated ?? false })
    : selectionApi.recordObjection(notice?.id ?? id, { candidateId: values.candidateId ?? '', receivedOn: toDateText(values.receivedOn), content: values.content?.trim() ?? '' }));
  const onSaved = () => {
    void message.success(editing?.kind === 'handle' ? '已记录处理结果' : '已登记异议');
    setEditing(null);
  };

  if (loadError) {
    return <Result status={loadError.status === 403 ? '403' : '404'} title="无法查看该公示" subTitle={loadError.message} extra={<Button onClick={() => void navigate(-1)}>返回</Button>} />;
  }
  if (!notice) return <Skeleton active paragraph={{ rows: 10 }} />;

  // Display only: whether the period is over decides nothing on the server (the decision step checks it again).
  const isEnded = todayInChina() > notice.endsOn;
  const openObjections = notice.objections.filter((objection) => objection.handling === null).length;
  const awaitingDecision = notice.candidates.filter((candidate) => candidate.stage === 'publicNotice' && candidate.outcome === 'inProgress');
  const candidateColumns: ColumnsType<NoticeCandidate> = [
    { title: '姓名', dataIndex: 'name', width: 110, render: (name: string, candidate) => <Link to={`/selection/candidates/${candidate.id}`}>{name}</Link> },
    { title: '村（社区）', dataIndex: 'villageName', width: 150 },
    { title: '环节', dataIndex: 'stage', width: 110, render: (stage: NoticeCandidate['stage']) => STAGE_LABELS[stage] },
    {
      title: '状态',
      dataIndex: 'outcome',
      width: 120,
      render: (outcome: NoticeCandidate['outcome'], candidate) => (isEnded && awaitingDecision.includes(candidate)
        ? <Tag color="orange">公示期满，待决定</Tag>
        : <Tag color={OUTCOME_COLORS[outcome]}>{OUTCOME_LABELS[outcome]}</Tag>),
    },
  ];

  const objectionColumns: ColumnsType<Objection> = [
    { title: '人选', dataIndex: 'candidateName', width: 90 },
    { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
    { title: '异议内容', dataIndex: 'content', width: 240 },
    { title: '是否属实', dataIndex: 'isSubstantiated', width: 90, render: (value: boolean | null) => (value === null ? '—' : value ? <Tag color="error">属实</Tag> : <Tag>不属实</Tag>) },
    {
      title: '处理情况',
      dataIndex: 'handling',
      width: 240,
      render: (value: string | null, objection) => value
        ?? (canReview ? <Button size="small" type="link" onClick={() => setEditing({ kind: 'handle', objection })}>记录处理结果</Button> : <Tag color="processing">待处理</Tag>),
    },
  ];

  return (
    <div className="notice-page">
      <div className="page-header no-print">
        <Space wrap align="center">
          <Button icon={<ArrowLeftOutlined />} aria-label="返回看板" onClick={() => void navigate(`/selection?township=${notice.orgCode}`)} />
          <h2>公示：{notice.townshipName}</h2>
        </Space>
        <Space wrap>
          {canReview && <Button icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'record' })}>登记异议</Button>}
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>打印</Button>
        </Space>
      </div>
      <Descriptions className="no-print" size="small" bordered column={{ xs: 1, sm: 1, md: 3, lg: 3, xl: 3, xxl: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="公示期">
          {notice.startsOn} 至 {notice.endsOn}{' '}
          {isEnded ? <Tag color="default" className="notice-period-state">已期满</Tag> : <Tag color="processing" className="notice-period-state">公示中</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="工作日">{notice.workingDays} 个（张贴当日{notice.postingDayCounts ? '计入' : '不计入'}）</Descriptions.Item>
        <Descriptions.Item label="反映方式">{notice.objectionContact}</Descriptions.Item>
      </Descriptions>
      {isEnded && awaitingDecision.length > 0 && (
        <Alert
          className="no-print notice-ended-prompt"
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`公示期已于 ${notice.endsOn} 期满，${awaitingDecision.length} 名人选待乡镇党委研究决定入库`}
          description={(
            <Space wrap>
              {openObjections > 0 && <Typography.Text type="danger">还有 {openObjections} 条异议未处理，须先记录处理结果。</Typography.Text>}
              {awaitingDecision.map((candidate) => <Link key={candidate.id} to={`/selection/candidates/${candidate.id}`}>{candidate.name}：去研究决定</Link>)}
            </Space>
          )}
        />
      )}
      <Card size="small" title="公示文本" className="notice-text-card">
        <NoticeText text={notice.noticeText} />
      </Card>
      <Card size="small" title="公示人选" className="candidate-section no-print" style={{ marginTop: 16 }}>
        <Table<NoticeCandidate> rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={candidateColumns} dataSource={notice.candidates} />
      </Card>
      <Card size="small" title="公示期间收到的异议" className="candidate-section no-print">
        <Table<Objection> rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={objectionColumns} dataSource={notice.objections} locale={{ emptyText: '未收到异议' }} />
      </Card>
      <FormModal<ObjectionForm, unknown>
        title={editing?.kind === 'handle' ? '记录异议处理结果' : '登记公示异议'}
        open={editing !== null}
        onClose={() => setEditing(null)}
        initialValues={{ receivedOn: dayjs() }}
        save={save}
        onSaved={onSaved}
        width={{ xs: '95%', md: 600 }}
        className="objection-modal"
      >
        {editing?.kind === 'record' && (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="candidateId" label="反映的人选" rules={[{ required: true, message: '请选择反映的人选' }]}>
                <Select options={notice.candidates.map((candidate) => ({ value: candidate.id, label: `${candidate.name}（${candidate.villageName}）` }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="content" label="异议内容" rules={[{ required: true, whitespace: true, message: '请填写异议内容' }, { max: 2000, message: '不能超过 2000 个字符' }]}>
                <Input.TextArea rows={4} showCount maxLength={2000} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {editing?.kind === 'handle' && (
          <>
            <Typography.Paragraph>{editing.objection.candidateName}：{editing.objection.content}</Typography.Paragraph>
            <Form.Item name="isSubstantiated" label="反映问题是否属实" rules={[{ required: true, message: '请选择反映问题是否属实' }]}>
              <Radio.Group options={[{ value: true, label: '属实' }, { value: false, label: '不属实' }]} />
            </Form.Item>
            <Form.Item name="handling" label="处理情况" rules={[{ required: true, whitespace: true, message: '请填写处理情况' }, { max: 2000, message: '不能超过 2000 个字符' }]}>
              <Input.TextArea rows={4} showCount maxLength={2000} />
            </Form.Item>
          </>
        )}
      </FormModal>
    </div>
  );
}
