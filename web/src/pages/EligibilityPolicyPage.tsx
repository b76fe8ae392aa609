import { EyeOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Descriptions, Dropdown, Empty, Form, Input, InputNumber, Modal, Row, Select, Skeleton, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import {useEffect, useMemo, useState } from 'react';
import { policyApi, type EffectivePolicy, type PolicyDiff, type PolicyRules, type PolicyVersion } from '../api/selection.ts';
import { useDictionaries } from '../components/DictionariesContext.tsx';
import { formatDateTime } from '../components/formatDate.ts';
import { FormErrorAlert } from '../components/FormErrorAlert.tsx';
import { OrgUnitPicker } from '../components/OrgUnitPicker.tsx';
import { EXCLUSION_OPTIONS, ruleLabel } from '../components/selection/labels.ts';
import { useOrgUnitName } from '../components/useOrgUnitName.ts';
import { useMe } from '../session/SessionContext.tsx';
import { useApiQuery } from '../state/queryClient.tsx';
import { useSaveMutation } from '../state/useSaveMutation.ts';

type RulesForm = Omit<PolicyRules, 'referenceDate' | 'secretary'> & {
  referenceDate: Dayjs | null;
  secretary: Omit<PolicyRules['secretary'], 'youngShare'> & { youngSharePercent: number };
};

function toForm(rules: PolicyRules): RulesForm {
  const { youngShare, ...secretary } = rules.secretary;
  return { ...rules, referenceDate: dayjs(rules.referenceDate), secretary: { ...secretary, youngSharePercent: Math.round(youngShare * 100) } };
}

function fromForm(values: RulesForm): PolicyRules {
  const { youngSharePercent, ...secretary } = values.secretary;
  return {
    requiredPoliticalStatuses: values.requiredPoliticalStatuses ?? [],
    minimumEducation: values.minimumEducation,
    maximumAge: values.maximumAge,
    referenceDate: values.referenceDate ? values.referenceDate.format('YYYY-MM-DD') : '',
    exclusions: values.exclusions ?? [],
    youngReserveMaximumAge: values.youngReserveMaximumAge,
    minimumShortlistPerVillage: values.minimumShortlistPerVillage,
    publicNotice: { workingDays: values.publicNotice.workingDays, postingDayCounts: values.publicNotice.postingDayCounts },
    secretary: { ...secretary, youngShare: youngSharePercent / 100 },
  };
}

type Changed = PolicyDiff['becameIneligible'][number];
type Regained = PolicyDiff['becameEligible'][number];
const KIND_LABELS = { reserve: '后备力量', candidate: '选拔中的人选' } as const;
const rules = (list: string[]) => list.map((rule) => ruleLabel(rule)).join('；') || '—';
/** Candidates still in the procedure first: their review is what the change affects right away. */
const byKindThenName = <T extends { kind: string; name: string }>(a: T, b: T) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'zh-CN') : a.kind === 'candidate' ? -1 : 1);

function DiffView({ diff }: { diff: PolicyDiff }) {
  const [search, setSearch] = useState('');
  const q = search.trim();
  const lost = useMemo(() => diff.becameIneligible.filter((row) => !q || row.name.includes(q) || row.villageName.includes(q)).sort(byKindThenName), [diff, q]);
  const gained = useMemo(() => diff.becameEligible.filter((row) => !q || row.name.includes(q) || row.villageName.includes(q)).sort(byKindThenName), [diff, q]);
  const lostColumns: ColumnsType<Changed> = [
    { title: '姓名', dataIndex: 'name', width: 90 },
    { title: '村（社区）', dataIndex: 'villageName', width: 140 },
    { title: '类别', dataIndex: 'kind', width: 110, render: (kind: Changed['kind']) => KIND_LABELS[kind] },
    { title: '不符合的条件', dataIndex: 'failedRules', render: rules },
  ];
  const gainedColumns: ColumnsType<Regained> = [
    { title: '姓名', dataIndex: 'name', width: 90 },
    { title: '村（社区）', dataIndex: 'villageName', width: 140 },
    { title: '类别', dataIndex: 'kind', width: 110, render: (kind: Regained['kind']) => KIND_LABELS[kind] },
    { title: '原先不符合的条件', dataIndex: 'failedRulesBefore', render: rules },
  ];
  return (
    <div className="policy-diff">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}><Statistic title="重新评估" value={diff.evaluated} suffix="人" /></Col>
        <Col xs={12} md={6}><Statistic title="变为不符合" value={diff.becameIneligible.length} suffix="人" styles={{ content: { color: diff.becameIneligible.length ? '#cf1322' : undefined } }} /></Col>
        <Col xs={12} md={6}><Statistic title="变为符合" value={diff.becameEligible.length} suffix="人" styles={{ content: { color: diff.becameEligible.length ? '#389e0d' : undefined } }} /></Col>
        <Col xs={12} md={6}><Statistic title="不变（符合 / 不符合）" value={`${diff.unchangedEligible} / ${diff.unchangedIneligible}`} /></Col>
      </Row>
      <Input.Search allowClear placeholder="按姓名或村（社区）查找" value={search} onChange={(event) => setSearch(event.target.value)} style={{ maxWidth: 320, marginBottom: 12 }} aria-label="查找人员" />
      <Typography.Title level={5}>将变为不符合条件的人员</Typography.Title>
      <Table<Changed> rowKey={(row) => `${row.kind}-${row.personId}`} size="small" className="diff-ineligible" pagination={{ defaultPageSize: 10, hideOnSinglePage: true, showSizeChanger: true }} scroll={{ x: 'max-content' }} columns={lostColumns} dataSource={lost} locale={{ emptyText: '没有人因此变为不符合' }} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>将变为符合条件的人员</Typography.Title>
      <Table<Regained> rowKey={(row) => `${row.kind}-${row.personId}`} size="small" className="diff-eligible" pagination={{ defaultPageSize: 10, hideOnSinglePage: true, showSizeChanger: true }} scroll={{ x: 'max-content' }} columns={gainedColumns} dataSource={gained} locale={{ emptyText: '没有人因此变为符合' }} />
    </div>
  );
}

/** The unit of the user's first organisation-department (or administrator) role: where policies are made. */
function defaultUnit(roles: { role: string; orgCode: string }[]): string | null {
  return (roles.find((role) => role.role === 'orgDepartment') ?? roles.find((role) => role.role === 'administrator') ?? roles[0])?.orgCode ?? null;
}

/**
 * 资格条件: the policy in force for a unit and where it comes from; every rule editable, presets to
 * start from, 预览影响 (who would become eligible or not) before saving a new version with a note.
 */
export function EligibilityPolicyPage() {
  const me = useMe();
  const { message } = App.useApp();
  const dictionaries = useDictionaries();
  const [form] = Form.useForm<RulesForm>();
  const [orgCode, setOrgCode] = useState<string | null>(() => defaultUnit(me.roles));
  const [diff, setDiff] = useState<PolicyDiff | null>(null);
  /** Whether the diff shown is a preview or the effect of the version just saved. */
  const [isDiffSaved, setDiffSaved] = useState(false);
  const [isSaveOpen, setSaveOpen] = useState(false);
  const [note, setNote] = useState('');
  const unitName = useOrgUnitName(orgCode);
  const policyQuery = useApiQuery(['eligibility-policy', orgCode], async (signal) => {
    const [loaded, history] = await Promise.all([policyApi.effective(orgCode ?? '', signal), policyApi.versions(orgCode ?? '', signal)]);
    return { effective: loaded, versions: history.versions };
  }, { enabled: Boolean(orgCode) });
  const effective: EffectivePolicy | null = orgCode ? policyQuery.data?.effective ?? null : null;
  const versions = useMemo(() => policyQuery.data?.versions ?? [], [policyQuery.data]);
  const presets = useApiQuery(['eligibility-policy-presets'], (signal) => policyApi.presets(signal)).data?.presets ?? [];

  useEffect(() => {
    if (!effective) return;
    form.setFieldsValue(toForm(effective.rules));
  }, [effective, form]);

  const previewing = useSaveMutation({
    save: (next: PolicyRules) => policyApi.preview(orgCode ?? '', next),
    onSaved: (computed) => { setDiff(computed); setDiffSaved(false); },
  });
  const saving = useSaveMutation({
    save: (next: PolicyRules) => policyApi.save({ orgCode: orgCode ?? '', rules: next, note: note.trim(), basedOnVersion }),
    onSaved: (saved) => {
      void message.success(`已保存为第 ${saved.version.versionNumber} 版`);
      setSaveOpen(false);
      setNote('');
      setDiff(saved.diff);
      setDiffSaved(true);
    },
    onConflict: () => setSaveOpen(false),
  });
  const error = saving.error ?? previewing.error;
  const clearError = () => { saving.clearError(); previewing.clearError(); };

  const ownVersions = useMemo(() => versions.filter((version) => version.orgCode === orgCode), [versions, orgCode]);
  const basedOnVersion = ownVersions.reduce<number | null>((latest, version) => (latest === null || version.versionNumber > latest ? version.versionNumber : latest), null);
  const canUpdate = effective?.policies.update ?? false;

  const currentRules = async (): Promise<PolicyRules | null> => {
    try {
      return fromForm(await form.validateFields());
    } catch {
      void message.error('请先改正表单中标红的项目');
      return null;
    }
  };

  const preview = async () => {
    if (!orgCode) return;
    const next = await currentRules();
    if (next) previewing.submit(next);
  };

  const save = async () => {
    if (!orgCode) return;
    const next = await currentRules();
    if (!next) return;
    if (!note.trim()) {
      void message.error('请填写修改说明');
      return;
    }
    saving.submit(next);
  };

  const versionColumns: ColumnsType<PolicyVersion> = [
    { title: '版本', dataIndex: 'versionNumber', width: 70, render: (value: number) => `第 ${value} 版` },
    { title: '修改说明', dataIndex: 'note' },
    { title: '修改人', dataIndex: 'createdBy', width: 100 },
    { title: '时间', dataIndex: 'createdAt', width: 170, render: (value: string) => formatDateTime(value) },
    {
      title: '操作',
      key: 'load',
      width: 90,
      render: (_value, version) => <Button size="small" type="link" onClick={() => { form.setFieldsValue(toForm(version.rules)); setDiff(null); }}>载入表单</Button>,
    },
  ];

  const source = effective?.source;

  return (
    <div className="policy-page">
      <div className="page-header">
        <h2>资格条件</h2>
        <Space wrap>
          <div style={{ width: 300, maxWidth: '100%' }}>
            <OrgUnitPicker value={orgCode} initialLabel={unitName} onChange={(code) => setOrgCode(code ?? null)} placeholder="选择制定资格条件的单位" />
          </div>
          <Dropdown
            menu={{
              items: presets.map((preset) => ({ key: preset.key, label: preset.label })),
              onClick: ({ key }) => {
                const preset = presets.find((entry) => entry.key === key);
                if (preset) {
                  form.setFieldsValue(toForm(preset.rules));
                  setDiff(null);
                  void message.info(`已载入「${preset.label}」，预览影响后再保存`);
                }
              },
            }}
            disabled={presets.length === 0}
          >
            <Button>载入预设</Button>
          </Dropdown>
          <Button icon={<EyeOutlined />} loading={previewing.isSaving} onClick={() => void preview()} disabled={!effective}>预览影响</Button>
          {canUpdate && <Button type="primary" icon={<SaveOutlined />} onClick={() => setSaveOpen(true)} disabled={!effective}>保存新版本</Button>}
        </Space>
      </div>

      {!orgCode && <Empty description="请选择单位" />}
      {orgCode && !effective && <Skeleton active paragraph={{ rows: 10 }} />}
      {effective && source && (
        <Alert
          type={source.orgCode === orgCode ? 'success' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          className="policy-source"
          title={source.orgCode === null
            ? `现行资格条件：${source.orgName}，本单位及上级尚未制定`
            : `现行资格条件：${source.orgName}${source.versionNumber ? ` 第 ${source.versionNumber} 版` : ''}${source.orgCode === orgCode ? '' : '（上级单位制定，本单位沿用）'}`}
          description={canUpdate ? '修改后先「预览影响」，确认无误再保存为新版本；保存后对本单位及下级新的审查生效。' : '您可以查看和预览，但不能为该单位制定资格条件。'}
        />
      )}
      <FormErrorAlert error={error} onClose={clearError} />

      <Form<RulesForm> form={form} layout="vertical" className="policy-form" disabled={!effective} onValuesChange={() => setDiff(null)}>
        <Card title="人选资格条件" size="small" className="candidate-section">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="requiredPoliticalStatuses" label="政治面貌（不选表示不限）">
                <Select mode="multiple" allowClear options={dictionaries.options('politicalStatus')} placeholder="不限" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="minimumEducation" label="最低学历" rules={[{ required: true, message: '请选择最低学历' }]}>
                <Select options={dictionaries.options('education')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="maximumAge" label="年龄上限（周岁）" rules={[{ required: true, message: '请填写年龄上限' }]}>
                <InputNumber min={18} max={70} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="referenceDate" label="年龄计算基准日" rules={[{ required: true, message: '请选择计算年龄的基准日' }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="youngReserveMaximumAge" label="每村年轻后备力量年龄（及以下）" rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={18} max={60} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="minimumShortlistPerVillage" label="每村建议人选至少（人）" rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={1} max={10} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="exclusions" label="负面清单（十不推），勾选适用的情形">
                <Checkbox.Group className="exclusion-checklist" options={EXCLUSION_OPTIONS} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="公示" size="small" className="candidate-section">
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item name={['publicNotice', 'workingDays']} label="公示期（工作日）" rules={[{ required: true, message: '请填写公示期' }]}>
                <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={['publicNotice', 'postingDayCounts']} label="张贴当日计入公示期" valuePropName="checked">
                <Switch checkedChildren="计入" unCheckedChildren="不计入" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="换届时村党组织书记人选条件" size="small" className="candidate-section">
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item name={['secretary', 'continuingMaximumAge']} label="连任书记年龄上限" rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={18} max={70} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={['secretary', 'continuingMinimumEducation']} label="连任书记最低学历" rules={[{ required: true, message: '请选择' }]}>
                <Select options={dictionaries.options('education')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={['secretary', 'newMaximumAge']} label="新任书记年龄上限" rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={18} max={70} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={['secretary', 'newMinimumEducation']} label="新任书记最低学历" rules={[{ required: true, message: '请选择' }]}>
                <Select options={dictionaries.options('education')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={['secretary', 'youngSharePercent']} label="年轻人选占比至少（%）" rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={['secretary', 'youngMaximumAge']} label="年轻人选年龄（及以下）" rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={18} max={70} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
      </Form>

      {diff && (
        <Card title={isDiffSaved ? '本次修改的影响（已保存）' : '预览影响（尚未保存）'} size="small" className="candidate-section policy-diff-card">
          <DiffView diff={diff} />
        </Card>
      )}

      <Card title={<Space><HistoryOutlined />本单位的版本</Space>} size="small" className="candidate-section">
        {ownVersions.length === 0
          ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本单位尚未制定资格条件（沿用上级或系统默认）" />
          : <Table<PolicyVersion> rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={versionColumns} dataSource={ownVersions} />}
      </Card>

      <Modal
        title="保存资格条件新版本"
        open={isSaveOpen}
        onCancel={() => setSaveOpen(false)}
        onOk={() => void save()}
        okText="保存"
        confirmLoading={saving.isSaving}
        width={{ xs: '95%', md: 560 }}
        className="policy-save-modal"
      >
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="单位">{unitName ?? orgCode}</Descriptions.Item>
          <Descriptions.Item label="将保存为">第 {(basedOnVersion ?? 0) + 1} 版</Descriptions.Item>
        </Descriptions>
        {!diff && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="尚未预览影响，建议先预览哪些人员会因此变为不符合条件" />}
        <Typography.Text>修改说明</Typography.Text>
        <Input.TextArea rows={3} value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} showCount placeholder="如：依据县委组织部 2026 年文件，年龄放宽至 40 周岁" aria-label="修改说明" />
        {diff && diff.becameIneligible.length > 0 && <Tag color="error" style={{ marginTop: 12 }}>将有 {diff.becameIneligible.length} 人变为不符合条件</Tag>}
      </Modal>
    </div>
  );
}
