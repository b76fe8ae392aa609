import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, Result, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { summariseEvaluation } from '../../../../src/domain/selection-procedure.ts';
import { selectionApi, type CandidateCard, type EvaluationResult } from '../../api/selection.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { PROFILE_SHORT, toDateText } from '../../components/selection/labels.ts';
import { ChooseTownshipHint, defaultTownship, TownshipChooser, townshipOf } from '../../components/selection/township.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useMe } from '../../session/SessionContext.tsx';
import { useApiQuery } from '../../state/queryClient.tsx';
import { useSaveMutation } from '../../state/useSaveMutation.ts';

interface Tally { excellent: number; competent: number; basicallyCompetent: number; incompetent: number }
const EMPTY_TALLY: Tally = { excellent: 0, competent: 0, basicallyCompetent: 0, incompetent: 0 };
const TALLY_FIELDS: { key: keyof Tally; label: string }[] = [
  { key: 'excellent', label: '优秀' },
  { key: 'competent', label: '称职' },
  { key: 'basicallyCompetent', label: '基本称职' },
  { key: 'incompetent', label: '不称职' },
];

interface MeetingForm { heldOn?: Dayjs | null; attendeeCount?: number | null; attendees?: string; minutes?: string }

/**
 * 民主测评会: one meeting in a village for its candidates at the 民主测评 stage; the tallies per
 * candidate with the approval rate (优秀 + 称职 over valid votes) computed as they are typed.
 */
export function EvaluationMeetingPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<MeetingForm>();
  const village = params.get('village');
  const township = townshipOf(village) ?? townshipOf(params.get('township')) ?? defaultTownship(me);
  const candidates = useApiQuery(
    ['selection-candidates', 'democraticEvaluation', township],
    (signal) => selectionApi.list({ orgCode: township!, stage: 'democraticEvaluation', outcome: 'inProgress', pageSize: 200 }, signal),
    { enabled: Boolean(township) },
  ).data?.candidates ?? null;
  const [tallies, setTallies] = useState<Record<string, Tally>>({});
  const mutation = useSaveMutation({
    form,
    save: ({ values, orgCode }: { values: MeetingForm; orgCode: string }) => save(values, orgCode),
    onSaved: (saved) => {
      setResult(saved);
      void message.success('已记录民主测评结果');
    },
  });
  const { clearError } = mutation;
  const [result, setResult] = useState<EvaluationResult | null>(null);
  const attendeeCount = Form.useWatch('attendeeCount', form) ?? 0;
  const isMobile = useIsMobile();

  const setParam = useCallback((key: 'village' | 'township', value: string | null) => {
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      if (key === 'township') next.delete('village');
      return next;
    }, { replace: true });
  }, [setParams]);

  const villages = useMemo(() => {
    const byCode = new Map<string, { code: string; name: string; count: number }>();
    for (const candidate of candidates ?? []) {
      const entry = byCode.get(candidate.orgCode) ?? { code: candidate.orgCode, name: candidate.villageName, count: 0 };
      entry.count += 1;
      byCode.set(candidate.orgCode, entry);
    }
    return [...byCode.values()];
  }, [candidates]);

  useEffect(() => {
    if (!village && villages.length === 1) setParam('village', villages[0]!.code);
  }, [village, villages, setParam]);

  const inVillage = useMemo(() => (candidates ?? []).filter((candidate) => candidate.orgCode === village), [candidates, village]);

  const inVillageKey = inVillage.map((candidate) => candidate.id).join(',');
  useEffect(() => {
    setTallies(Object.fromEntries(inVillageKey.split(',').filter(Boolean).map((id) => [id, EMPTY_TALLY])));
    if (!inVillageKey) return;
    form.resetFields();
    form.setFieldsValue({ heldOn: dayjs(), attendees: '全体党员、村民代表' });
  }, [inVillageKey, form]);
  useEffect(() => {
    setResult(null);
    clearError();
  }, [village]);

  const setTally = (id: string, key: keyof Tally, value: number | null) => {
    setTallies((current) => ({ ...current, [id]: { ...(current[id] ?? EMPTY_TALLY), [key]: value ?? 0 } }));
  };

  const save = (values: MeetingForm, orgCode: string) => selectionApi.recordEvaluation({
    orgCode,
    heldOn: toDateText(values.heldOn),
    attendeeCount: values.attendeeCount ?? 0,
    attendees: values.attendees?.trim() ?? '',
    minutes: values.minutes?.trim() || null,
    tallies: inVillage.map((candidate) => ({ candidateId: candidate.id, ...(tallies[candidate.id] ?? EMPTY_TALLY), version: candidate.version })),
  });

  const rateOf = (candidate: CandidateCard) => {
    const tally = tallies[candidate.id] ?? EMPTY_TALLY;
    const valid = tally.excellent + tally.competent + tally.basicallyCompetent + tally.incompetent;
    if (valid === 0) return <Typography.Text type="secondary">—</Typography.Text>;
    const summary = summariseEvaluation(tally, attendeeCount || Number.MAX_SAFE_INTEGER);
    if ('error' in summary) return <Typography.Text type="danger">{summary.error}</Typography.Text>;
    return <span className="approval-rate">有效票 {summary.validVotes} 张，好评率 <strong>{summary.approvalRate}%</strong></span>;
  };

  const tallyInput = (candidate: CandidateCard, key: keyof Tally, label: string) => (
    <InputNumber
      min={0}
      max={5000}
      precision={0}
      style={{ width: isMobile ? '100%' : 80 }}
      aria-label={`${candidate.person.name}${label}票数`}
      value={tallies[candidate.id]?.[key] ?? 0}
      onChange={(value) => setTally(candidate.id, key, value)}
    />
  );

  const columns: ColumnsType<CandidateCard> = [
    {
      title: '人选',
      key: 'name',
      width: 130,
      fixed: 'left',
      render: (_value, candidate) => (
        <Space size={4} wrap>
          <Link to={`/selection/candidates/${candidate.id}`}>{candidate.person.name}</Link>
          <Tag>{PROFILE_SHORT[candidate.profile]}</Tag>
        </Space>
      ),
    },
    ...TALLY_FIELDS.map(({ key, label }) => ({
      title: label,
      key,
      width: 96,
      render: (_value: unknown, candidate: CandidateCard) => tallyInput(candidate, key, label),
    })),
    { title: '有效票 / 好评率', key: 'rate', width: 170, render: (_value, candidate) => rateOf(candidate) },
  ];

  const isCounty = defaultTownship(me) === null;

  return (
    <div className="evaluation-page">
      <div className="page-header">
        <Space wrap align="center">
          <Button icon={<ArrowLeftOutlined />} aria-label="返回看板" onClick={() => void navigate(township ? `/selection?township=${township}` : '/selection')} />
          <h2>民主测评</h2>
        </Space>
        <Space wrap>
          {isCounty && <TownshipChooser value={township} onChange={(code) => setParam('township', code)} />}
          <Select
            style={{ width: 240, maxWidth: '100%' }}
            placeholder="选择召开测评会的村（社区）"
            value={village ?? undefined}
            onChange={(code: string) => setParam('village', code)}
            options={villages.map((entry) => ({ value: entry.code, label: `${entry.name}（${entry.count} 人待测评）` }))}
            notFoundContent="没有处于民主测评环节的人选"
            aria-label="村（社区）"
          />
        </Space>
      </div>
      {isCounty && <ChooseTownshipHint value={township} />}
      {candidates && villages.length === 0 && <Empty description="该乡镇没有处于民主测评环节的人选" />}
      {result && (
        <Result
          status="success"
          title="民主测评结果已记录"
          subTitle={result.candidates.map((entry) => `${entry.name}：有效票 ${entry.validVotes} 张，好评率 ${entry.approvalRate}%`).join('；')}
          extra={<Button onClick={() => void navigate(`/selection?township=${township ?? ''}`)}>返回看板</Button>}
        />
      )}
      {!result && village && inVillage.length > 0 && (
        <Card size="small" title={`测评会：${inVillage[0]!.villageName}`}>
          <FormErrorAlert error={mutation.error} onClose={clearError} />
          <Form<MeetingForm> form={form} layout="vertical" onFinish={(values) => { if (village) mutation.submit({ values, orgCode: village }); }}>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="heldOn" label="测评日期" rules={[{ required: true, message: '请选择测评日期' }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="attendeeCount" label="参会人数" rules={[{ required: true, message: '请填写参会人数' }]}>
                  <InputNumber min={1} max={5000} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="attendees" label="参会人员" rules={[{ required: true, whitespace: true, message: '请填写参会人员（如全体党员、村民代表）' }, { max: 1000, message: '不能超过 1000 个字符' }]}>
                  <Input />
                </Form.Item>
              </Col>
            </Row>
            <Typography.Paragraph type="secondary">好评率 =（优秀 + 称职）÷ 有效票。每名人选的有效票不能超过参会人数。</Typography.Paragraph>
            {isMobile ? (
              <div className="tally-cards">
                {inVillage.map((candidate) => (
                  <Card key={candidate.id} size="small" className="tally-card" title={<Space size={4}><Link to={`/selection/candidates/${candidate.id}`}>{candidate.person.name}</Link><Tag>{PROFILE_SHORT[candidate.profile]}</Tag></Space>}>
                    <Row gutter={[8, 8]}>
                      {TALLY_FIELDS.map(({ key, label }) => (
                        <Col span={12} key={key}><div className="tally-label">{label}</div>{tallyInput(candidate, key, label)}</Col>
                      ))}
                      <Col span={24}>{rateOf(candidate)}</Col>
                    </Row>
                  </Card>
                ))}
              </div>
            ) : (
              <Table<CandidateCard> rowKey="id" size="small" pagination={false} columns={columns} dataSource={inVillage} scroll={{ x: 'max-content' }} className="tally-table" />
            )}
            <Form.Item name="minutes" label="会议记录" style={{ marginTop: 16 }} rules={[{ max: 5000, message: '不能超过 5000 个字符' }]}>
              <Input.TextArea rows={3} showCount maxLength={5000} />
            </Form.Item>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`将为 ${inVillage.length} 名人选记录测评结果，记录后人选进入谈话考察环节`} />
            <Button type="primary" htmlType="submit" loading={mutation.isSaving}>提交测评结果</Button>
          </Form>
        </Card>
      )}
    </div>
  );
}
