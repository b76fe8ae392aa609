import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Result, Select, Skeleton, Space, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { committeesApi, villagesApi, type AddMemberInput, type CommitteeMember, type MemberLeavesInput, type SaveProfileInput, type Vacancy, type VillageProfile } from '../../api/villages.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { useDictionaries } from '../../components/DictionariesContext.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { CoverageCard } from '../../components/villages/CoverageCard.tsx';
import { PersonSelect } from '../../components/villages/PersonSelect.tsx';
import { COMMITTEE_OPTIONS, LEAVE_REASON_OPTIONS, NEED_LABELS, NEED_OPTIONS, postOptions, todayText } from '../../components/villages/labels.ts';
import { recordLoadError, useApiQuery } from '../../state/queryClient.tsx';

type ProfileForm = Omit<SaveProfileInput, 'version'>;
type MemberForm = Omit<AddMemberInput, 'personId'> & { personId?: string };

const required = (message: string) => [{ required: true, message }];

function MemberMarks({ member }: { member: CommitteeMember }) {
  return (
    <Space size={4} wrap>
      {member.isSecretaryAndDirector && <Tag color="gold">一肩挑</Tag>}
      {member.isCrossHolding && <Tag color="blue">交叉任职</Tag>}
    </Space>
  );
}

/** 村（社区）: the profile and the need it implies, the 两委 roster with terms and leavers, vacancies, coverage and bench strength. */
export function VillagePage() {
  const { orgCode = '' } = useParams();
  const { message } = App.useApp();
  const dictionaries = useDictionaries();
  const [editingProfile, setEditingProfile] = useState(false);
  const [addingMember, setAddingMember] = useState(false);
  const [leaving, setLeaving] = useState<CommitteeMember | null>(null);
  const [showPast, setShowPast] = useState(false);
  const queryClient = useQueryClient();
  const pageQuery = useApiQuery(['village', orgCode], (signal) => villagesApi.page(orgCode, signal));

  /** Imports a filled-in template into this village: all rows or none; the problems are shown with their rows and columns. */
  const committeeImport = useMutation({
    mutationFn: (file: File) => committeesApi.import(orgCode, file),
    onSuccess: (result) => {
      void message.success(`已导入：任职 ${result.seated} 人次，未变 ${result.unchanged} 行`);
      void queryClient.invalidateQueries();
    },
    onError: (importError) => {
      const problems = importError instanceof ApiError && typeof importError.body === 'object' && importError.body !== null && Array.isArray((importError.body as { errors?: unknown }).errors)
        ? ((importError.body as { errors: { row: number; column: string; message: string }[] }).errors) : [];
      void message.error(problems.length > 0 ? problems.slice(0, 5).map((item) => `第 ${item.row} 行「${item.column}」：${item.message}`).join('；') : importError instanceof Error ? importError.message : '导入失败');
    },
  });

  const error = recordLoadError(pageQuery.error);
  if (error) {
    return <Result status={error.status === 403 ? '403' : '404'} title="无法查看该村（社区）" subTitle={error.message} />;
  }
  const data = pageQuery.data;
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const { profile, roster, coverage } = data;
  const current = roster.members.filter((member) => member.endedOn === null);
  const past = roster.members.filter((member) => member.endedOn !== null);
  const openVacancies = roster.vacancies.filter((vacancy) => vacancy.closedOn === null);

  const memberColumns: ColumnsType<CommitteeMember> = [
    { title: '姓名', dataIndex: 'name', key: 'name', render: (name: string, member) => <Link to={`/people/${member.personId}`}>{name}</Link> },
    { title: '组织', dataIndex: 'committeeLabel', key: 'committee' },
    { title: '职务', dataIndex: 'postLabel', key: 'post' },
    { title: '届别', dataIndex: 'termYear', key: 'termYear', render: (year: number) => `${year} 年换届` },
    { title: '任职起', dataIndex: 'startedOn', key: 'startedOn' },
    { title: '年龄', dataIndex: 'age', key: 'age' },
    { title: '学历', dataIndex: 'education', key: 'education', render: (code: string) => dictionaries.label('education', code) },
    { title: '', key: 'marks', render: (_: unknown, member) => <MemberMarks member={member} /> },
    ...(roster.policies.manage ? [{
      title: '操作', key: 'actions', width: 100,
      render: (_: unknown, member: CommitteeMember) => <Button size="small" onClick={() => setLeaving(member)}>登记离任</Button>,
    }] : []),
  ];
  const pastColumns: ColumnsType<CommitteeMember> = [
    { title: '姓名', dataIndex: 'name', key: 'name' },
    { title: '组织', dataIndex: 'committeeLabel', key: 'committee' },
    { title: '职务', dataIndex: 'postLabel', key: 'post' },
    { title: '届别', dataIndex: 'termYear', key: 'termYear' },
    { title: '任职', key: 'period', render: (_: unknown, member) => `${member.startedOn} 至 ${member.endedOn ?? ''}` },
    { title: '离任方式', dataIndex: 'leaveReasonLabel', key: 'leaveReason', render: (label: string | null) => label ?? '—' },
  ];
  const vacancyColumns: ColumnsType<Vacancy> = [
    { title: '职务', dataIndex: 'postLabel', key: 'post' },
    { title: '出缺日期', dataIndex: 'openedOn', key: 'openedOn' },
    { title: '原因', dataIndex: 'cause', key: 'cause' },
    { title: '状态', dataIndex: 'closedOn', key: 'closedOn', render: (closedOn: string | null) => (closedOn ? <Tag>已补齐（{closedOn}）</Tag> : <Tag color="orange">空缺</Tag>) },
    { title: '操作', key: 'actions', render: (_: unknown, vacancy) => <Link to={`/vacancies/${vacancy.id}`}>{vacancy.closedOn ? '查看' : '建议人选与任用'}</Link> },
  ];

  const profileInitial: ProfileForm = {
    villageType: profile.villageType, households: profile.households, population: profile.population, collectiveIncome: profile.collectiveIncome, incomeYear: profile.incomeYear,
    condition: profile.condition, hasProminentProblems: profile.hasProminentProblems, secretaryNeedsAdjustment: profile.secretaryNeedsAdjustment,
    needOverride: profile.needOverride, needOverrideReason: profile.needOverrideReason,
  };

  return (
    <div>
      <div className="page-header">
        <h2>{profile.name}</h2>
        <Link to="/coverage">覆盖与补充</Link>
      </div>
      {openVacancies.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`有 ${openVacancies.length} 个空缺职务：${openVacancies.map((vacancy) => vacancy.postLabel).join('、')}`} />
      )}
      <Card
        size="small"
        title="村情"
        style={{ marginBottom: 16 }}
        extra={profile.policies.update && <Button size="small" icon={<EditOutlined />} onClick={() => setEditingProfile(true)}>修改村情</Button>}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3, lg: 3, xl: 3, xxl: 3 }}>
          <Descriptions.Item label="类型">{profile.villageType ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="户数">{profile.households ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="人口">{profile.population ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="集体经济收入">{profile.collectiveIncome === null ? '—' : `${profile.collectiveIncome} 万元${profile.incomeYear ? `（${profile.incomeYear} 年）` : ''}`}</Descriptions.Item>
          <Descriptions.Item label="状况">{dictionaries.label('villageCondition', profile.condition)}</Descriptions.Item>
          <Descriptions.Item label="问题突出／书记需调整">{profile.hasProminentProblems ? '问题突出' : '否'}／{profile.secretaryNeedsAdjustment ? '书记需调整' : '否'}</Descriptions.Item>
          <Descriptions.Item label="需要的后备力量" span={3}>
            <Space wrap>
              {profile.derivedNeed.need ? <Tag color="purple">{NEED_LABELS[profile.derivedNeed.need]}</Tag> : <Tag>不限类型</Tag>}
              {profile.derivedNeed.isOverridden && <Tag color="orange">已调整</Tag>}
              <Typography.Text type="secondary">{profile.derivedNeed.explanation}</Typography.Text>
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        size="small"
        title="“两委”及村务监督委员会成员"
        style={{ marginBottom: 16 }}
        extra={roster.policies.manage && (
          <Space wrap>
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAddingMember(true)}>登记成员</Button>
            <DownloadButton fetchFile={(onProgress) => committeesApi.template(onProgress)}>导入模板</DownloadButton>
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => { committeeImport.mutate(file); return false; }}>
              <Button size="small" icon={<UploadOutlined />} loading={committeeImport.isPending}>导入名册</Button>
            </Upload>
            <DownloadButton fetchFile={(onProgress) => committeesApi.export(orgCode, onProgress)}>导出</DownloadButton>
          </Space>
        )}
      >
        <ResponsiveTable<CommitteeMember> rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={memberColumns} dataSource={current}
          cardTitle={(member) => `${member.name} · ${member.postLabel}`} locale={{ emptyText: '尚未登记成员' }} className="committee-roster" />
        {past.length > 0 && (
          <div style={{ marginTop: 12 }}>
            <Button type="link" size="small" onClick={() => setShowPast(!showPast)}>{showPast ? '收起' : `查看离任成员（${past.length}）`}</Button>
            {showPast && <Table<CommitteeMember> rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={pastColumns} dataSource={past} />}
          </div>
        )}
      </Card>

      <Card size="small" title="空缺职务" style={{ marginBottom: 16 }}>
        <ResponsiveTable<Vacancy> rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={vacancyColumns} dataSource={roster.vacancies}
          cardTitle={(vacancy) => vacancy.postLabel} locale={{ emptyText: '没有空缺职务' }} className="vacancy-list" />
      </Card>

      {coverage && <CoverageCard coverage={coverage} />}

      <FormModal<ProfileForm, VillageProfile>
        title={`修改村情：${profile.name}`}
        open={editingProfile}
        onClose={() => setEditingProfile(false)}
        initialValues={profileInitial}
        save={(values) => villagesApi.saveProfile(orgCode, { ...values, villageType: values.villageType || null, needOverrideReason: values.needOverride ? values.needOverrideReason : null, needOverride: values.needOverride ?? null, version: profile.version })}
        onSaved={() => { setEditingProfile(false); void message.success('村情已保存'); }}
        onConflict={() => { setEditingProfile(false); void pageQuery.refetch(); }}
      >
        {(form) => (
          <>
            <Form.Item name="villageType" label="类型"><Input maxLength={30} placeholder="如：行政村、涉农社区" /></Form.Item>
            <Space wrap>
              <Form.Item name="households" label="户数"><InputNumber min={0} /></Form.Item>
              <Form.Item name="population" label="人口"><InputNumber min={0} /></Form.Item>
              <Form.Item name="collectiveIncome" label="集体经济收入（万元）"><InputNumber min={0} /></Form.Item>
              <Form.Item name="incomeYear" label="收入年度"><InputNumber min={1990} max={2100} /></Form.Item>
            </Space>
            <Form.Item name="condition" label="状况"><Select allowClear options={dictionaries.options('villageCondition', profile.condition)} placeholder="请选择" /></Form.Item>
            <Form.Item name="hasProminentProblems" valuePropName="checked"><Checkbox>问题突出</Checkbox></Form.Item>
            <Form.Item name="secretaryNeedsAdjustment" valuePropName="checked"><Checkbox>书记需调整</Checkbox></Form.Item>
            <Form.Item name="needOverride" label="调整需要的类型（不调整则留空，按村情推出）"><Select allowClear options={NEED_OPTIONS} placeholder="按村情推出" /></Form.Item>
            <Form.Item noStyle shouldUpdate={(before, after) => before.needOverride !== after.needOverride}>
              {() => form.getFieldValue('needOverride') ? (
                <Form.Item name="needOverrideReason" label="调整理由" rules={required('请填写调整理由')}><Input.TextArea rows={3} maxLength={500} /></Form.Item>
              ) : null}
            </Form.Item>
          </>
        )}
      </FormModal>

      <FormModal<MemberForm, CommitteeMember>
        title={`登记成员：${profile.name}`}
        open={addingMember}
        onClose={() => setAddingMember(false)}
        initialValues={{ startedOn: todayText() }}
        save={(values) => villagesApi.addMember(orgCode, { ...values, personId: values.personId ?? '' })}
        onSaved={() => { setAddingMember(false); void message.success('已登记成员'); }}
      >
        {(form) => (
          <>
            <Form.Item name="personId" label="人员" rules={required('请选择人员')}><PersonSelect orgCode={orgCode} /></Form.Item>
            <Form.Item name="committee" label="组织" rules={required('请选择组织')}><Select options={COMMITTEE_OPTIONS} onChange={() => form.setFieldValue('post', undefined)} /></Form.Item>
            <Form.Item noStyle shouldUpdate={(before, after) => before.committee !== after.committee}>
              {() => <Form.Item name="post" label="职务" rules={required('请选择职务')}><Select options={postOptions(form.getFieldValue('committee'))} /></Form.Item>}
            </Form.Item>
            <Form.Item name="termYear" label="届别（换届年份）" rules={required('请填写届别')}><InputNumber min={1990} max={2100} style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="startedOn" label="任职日期" rules={required('请填写任职日期')}><DateInput /></Form.Item>
          </>
        )}
      </FormModal>

      <FormModal<Omit<MemberLeavesInput, 'version'>, { memberId: string; vacancyId: string | null }>
        title={leaving ? `登记离任：${leaving.name}（${leaving.postLabel}）` : '登记离任'}
        open={leaving !== null}
        onClose={() => setLeaving(null)}
        initialValues={{ endedOn: todayText() }}
        intro={<Typography.Paragraph type="secondary">届满以外的离任（辞职、调整撤换、罢免、去世、调离）形成届中出缺。</Typography.Paragraph>}
        save={(values) => villagesApi.memberLeaves(leaving?.id ?? '', { ...values, version: leaving?.version ?? 0 })}
        onSaved={(result) => { setLeaving(null); void message.success(result.vacancyId ? '已登记离任，形成空缺职务' : '已登记离任'); }}
        onConflict={() => { setLeaving(null); void pageQuery.refetch(); }}
      >
        <Form.Item name="reason" label="离任方式" rules={required('请选择离任方式')}><Select options={LEAVE_REASON_OPTIONS} /></Form.Item>
        <Form.Item name="endedOn" label="离任日期" rules={required('请填写离任日期')}><DateInput /></Form.Item>
      </FormModal>
    </div>
  );
}
