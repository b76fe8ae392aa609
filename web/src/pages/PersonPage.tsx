import { ArrowLeftOutlined, EditOutlined, EyeOutlined, FileTextOutlined, PrinterOutlined, UploadOutlined, UserAddOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Result, Skeleton, Space, Table, Tag, Timeline, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { RESERVE_STATUS_LABELS, reserveStatusLabel } from '../api/labels.ts';
import { PHOTO_MAX_BYTES, PHOTO_TYPES, peopleApi } from '../api/people.ts';
import { reservesApi } from '../api/reserves.ts';
import { hasPermission, type FamilyMember, type HistoryEntry, type Person, type ReserveHistoryEntry, type ReserveStatus, type RevealedPerson } from '../api/types.ts';
import { useDictionaries } from '../components/DictionariesContext.tsx';
import { formatDateTime } from '../components/formatDate.ts';
import { PersonEditDrawer } from '../components/PersonEditDrawer.tsx';
import { ReserveFormModal, type ReserveFormTarget } from '../components/ReserveFormModal.tsx';
import { DownloadButton } from '../components/DownloadButton.tsx';
import { RevealModal } from '../components/RevealModal.tsx';
import { useShowError } from '../components/useShowError.ts';
import { useMe } from '../session/SessionContext.tsx';
import { recordLoadError, useApiQuery } from '../state/queryClient.tsx';

type LedgerRecord = Person['ledgerEntries'][number];
type ReserveRecord = Person['reserves'][number];

const dash = (value: string | null | undefined) => (value ? value : '—');

function period(entry: Pick<HistoryEntry, 'from' | 'to'>): string {
  if (!entry.from && !entry.to) return '—';
  return `${entry.from ?? ''}—${entry.to ?? '至今'}`;
}

const historyColumns = (placeTitle: string, roleTitle: string): ColumnsType<HistoryEntry & { key: number }> => [
  { title: '起止时间', key: 'period', width: 180, render: (_value, entry) => period(entry) },
  { title: placeTitle, dataIndex: 'place' },
  { title: roleTitle, dataIndex: 'role', render: (value: string | undefined) => dash(value) },
];

function isReserveStatus(status: string): status is ReserveStatus {
  return status in RESERVE_STATUS_LABELS;
}

/**
 * 人员档案 (一人一档): one printable page per person with the basic facts and photo, education,
 * work history, family, the talent-ledger records and the reserve records with their status history.
 */
export function PersonPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const dictionaries = useDictionaries();
  const queryClient = useQueryClient();
  const [isEditing, setEditing] = useState(false);
  const [revealed, setRevealed] = useState<{ name: string; revealed: RevealedPerson } | null>(null);
  const [photoStamp, setPhotoStamp] = useState(0);
  const [reserveTarget, setReserveTarget] = useState<ReserveFormTarget | null>(null);

  const personQuery = useApiQuery(['people', id], (signal) => peopleApi.get(id, signal));
  const person = personQuery.data ?? null;
  const loadError = recordLoadError(personQuery.error);
  const reserveIds = person?.reserves.map((reserve) => reserve.id) ?? [];
  const historiesQuery = useApiQuery(['reserves', 'histories', ...reserveIds], async (signal) => Object.fromEntries(await Promise.all(reserveIds.map(async (reserveId) => [reserveId, await reservesApi.history(reserveId, signal)] as const))),
    { enabled: reserveIds.length > 0 });
  const histories: Record<string, ReserveHistoryEntry[]> = historiesQuery.data ?? {};
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['people', id] }).then(() => queryClient.invalidateQueries({ queryKey: ['reserves', 'histories'] }));

  const revealing = useMutation({
    mutationFn: (target: Person) => peopleApi.reveal(target.id).then((result) => ({ name: target.name, revealed: result })),
    onSuccess: setRevealed,
    onError: showError,
  });
  const reveal = () => { if (person) revealing.mutate(person); };
  const isRevealing = revealing.isPending;

  const uploading = useMutation({
    mutationFn: (file: File) => peopleApi.uploadPhoto(id, file, file.type),
    onSuccess: () => { void message.success('照片已上传'); setPhotoStamp(Date.now()); reload(); },
    onError: showError,
  });
  const isUploading = uploading.isPending;
  const uploadPhoto = (file: File) => {
    if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) {
      void message.error('照片须为 JPEG 或 PNG 格式');
      return;
    }
    if (file.size > PHOTO_MAX_BYTES) {
      void message.error('照片不能超过 2 MB，请压缩后再上传');
      return;
    }
    uploading.mutate(file);
  };

  if (loadError) {
    return (
      <Result
        status={loadError.status === 403 ? '403' : '404'}
        title="无法查看该人员档案"
        subTitle={loadError.message}
        extra={<Button onClick={() => void navigate(-1)}>返回</Button>}
      />
    );
  }
  if (!person) return <Skeleton active paragraph={{ rows: 12 }} />;

  const label = dictionaries.label;
  /** In the pool already (考察对象 or 已入库): the button is not offered again. */
  const activeReserve = person.reserves.find((reserve) => reserve.status === 'admitted' || reserve.status === 'candidate');
  const canAddReserve = hasPermission(me, 'reserve.write') && person.policies.update && !activeReserve;
  const canReadCultivation = hasPermission(me, 'cultivation.read');

  const ledgerColumns: ColumnsType<LedgerRecord> = [
    { title: '村（社区）', dataIndex: 'orgName', width: 200 },
    { title: '来源', dataIndex: 'sourceCategory', width: 180, render: (value: string) => label('sourceCategory', value) },
    { title: '在外能人', dataIndex: 'isAway', width: 90, render: (value: boolean) => (value ? '是' : '否') },
    { title: '摸排日期', dataIndex: 'surveyedOn', width: 110 },
    { title: '备注', dataIndex: 'notes', render: (value: string | null) => dash(value) },
  ];

  const reserveColumns: ColumnsType<ReserveRecord> = [
    { title: '村（社区）', dataIndex: 'orgName', width: 200 },
    {
      title: '状态',
      dataIndex: 'status',
      width: 120,
      render: (status: string) => (isReserveStatus(status) ? <Tag color={RESERVE_STATUS_LABELS[status].color}>{RESERVE_STATUS_LABELS[status].label}</Tag> : status),
    },
    { title: '拟任岗位', dataIndex: 'targetPost', width: 140, render: (value: string) => label('targetPost', value) },
    { title: '成熟度', dataIndex: 'readiness', render: (value: string) => label('readiness', value) },
    ...(canReadCultivation ? [{
      title: '培养教育',
      key: 'cultivation',
      width: 100,
      render: (_value: unknown, reserve: ReserveRecord) => (
        <Space wrap className="no-print">
          <Link to={`/reserves/${reserve.id}/cultivation`}>培养记录</Link>
          <DownloadButton type="link" icon={<FileTextOutlined />} fetchFile={(onProgress) => reservesApi.appointmentForm(reserve.id, false, onProgress)}>任免审批表（.lrmx）</DownloadButton>
          {person.policies.reveal && (
            <DownloadButton type="link" icon={<FileTextOutlined />} fetchFile={(onProgress) => reservesApi.appointmentForm(reserve.id, true, onProgress)}>含完整身份证号</DownloadButton>
          )}
        </Space>
      ),
    }] : []),
  ];

  const familyColumns: ColumnsType<FamilyMember & { key: number }> = [
    { title: '称谓', dataIndex: 'relation', width: 90 },
    { title: '姓名', dataIndex: 'name', width: 110 },
    { title: '政治面貌', dataIndex: 'politicalStatus', width: 130, render: (value: string | undefined) => label('politicalStatus', value) },
    { title: '工作单位及职务', dataIndex: 'workUnit', render: (value: string | undefined) => dash(value) },
  ];

  const withKeys = <T,>(rows: T[]) => rows.map((row, index) => ({ ...row, key: index }));
  const photo = person.hasPhoto
    ? <img className="person-photo" src={`${peopleApi.photoUrl(person.id, person.version)}${photoStamp ? `&t=${photoStamp}` : ''}`} alt={`${person.name}的照片`} />
    : <div className="person-photo person-photo-empty"><UserOutlined /><span>暂无照片</span></div>;

  return (
    <div className="person-page">
      <div className="page-header">
        <Space wrap align="center">
          <Button className="no-print" type="text" icon={<ArrowLeftOutlined />} aria-label="返回" onClick={() => void navigate(-1)} />
          <h2>人员档案：{person.name}</h2>
        </Space>
        <Space wrap className="no-print">
          {person.policies.update && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>编辑</Button>}
          {canAddReserve && <Button icon={<UserAddOutlined />} onClick={() => setReserveTarget({ kind: 'create', person })}>纳入后备力量</Button>}
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>打印</Button>
        </Space>
      </div>

      <Card title="基本信息" size="small" className="person-section">
        <div className="person-basic">
          <div className="person-photo-box">
            {photo}
            {person.policies.update && (
              <Upload
                accept="image/jpeg,image/png"
                showUploadList={false}
                beforeUpload={(file) => { uploadPhoto(file); return false; }}
              >
                <Button className="no-print" size="small" icon={<UploadOutlined />} loading={isUploading} style={{ marginTop: 8 }}>
                  {person.hasPhoto ? '更换照片' : '上传照片'}
                </Button>
              </Upload>
            )}
          </div>
          <Descriptions className="person-descriptions" size="small" bordered column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}>
            <Descriptions.Item label="姓名">{person.name}</Descriptions.Item>
            <Descriptions.Item label="性别">{label('gender', person.gender)}</Descriptions.Item>
            <Descriptions.Item label="民族">{label('ethnicity', person.ethnicity)}</Descriptions.Item>
            <Descriptions.Item label="出生日期">{person.birthDate}（{person.age} 岁）</Descriptions.Item>
            <Descriptions.Item label="身份证号码">
              <Space size={4} wrap>
                <span className="masked-id person-id-number">{person.idNumberMasked}</span>
                {person.policies.reveal && (
                  <Button className="no-print" type="link" size="small" icon={<EyeOutlined />} loading={isRevealing} onClick={reveal}>查看</Button>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="联系电话">{dash(person.phoneMasked)}</Descriptions.Item>
            <Descriptions.Item label="籍贯">{dash(person.nativePlace)}</Descriptions.Item>
            <Descriptions.Item label="出生地">{dash(person.birthplace)}</Descriptions.Item>
            <Descriptions.Item label="政治面貌">{label('politicalStatus', person.politicalStatus)}</Descriptions.Item>
            <Descriptions.Item label="入党时间">{dash(person.partyJoinDate)}</Descriptions.Item>
            <Descriptions.Item label="学历">{label('education', person.education)}</Descriptions.Item>
            <Descriptions.Item label="毕业院校">{dash(person.school)}</Descriptions.Item>
            <Descriptions.Item label="专业">{dash(person.major)}</Descriptions.Item>
            <Descriptions.Item label="健康状况">{label('health', person.health)}</Descriptions.Item>
            <Descriptions.Item label="从事职业">{dash(person.occupation)}</Descriptions.Item>
            <Descriptions.Item label="专长">{dash(person.specialties)}</Descriptions.Item>
            <Descriptions.Item label="参加工作时间">{dash(person.workStartDate)}</Descriptions.Item>
            <Descriptions.Item label="现任职务">{dash(person.presentPosition)}</Descriptions.Item>
            <Descriptions.Item label="在外能人">{person.isLivingAway ? '是' : '否'}</Descriptions.Item>
          </Descriptions>
        </div>
      </Card>

      <Card title="学历学位" size="small" className="person-section">
        <Table rowKey="key" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={historyColumns('学校', '专业或学位')} dataSource={withKeys(person.educationHistory)} locale={{ emptyText: '未填写' }} />
      </Card>

      <Card title="工作经历" size="small" className="person-section">
        <Table rowKey="key" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={historyColumns('单位', '职务')} dataSource={withKeys(person.workHistory)} locale={{ emptyText: '未填写' }} />
      </Card>

      <Card title="家庭成员" size="small" className="person-section">
        <Table rowKey="key" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={familyColumns} dataSource={withKeys(person.familyMembers)} locale={{ emptyText: '未填写' }} />
      </Card>

      <Card title="台账记录" size="small" className="person-section" extra={<Link className="no-print" to="/talent-ledger">人才台账</Link>}>
        <Table<LedgerRecord> rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={ledgerColumns} dataSource={person.ledgerEntries} locale={{ emptyText: '未登记在人才台账中' }} />
      </Card>

      <Card title="后备力量记录" size="small" className="person-section" extra={<Link className="no-print" to="/reserves">后备力量库</Link>}>
        {person.reserves.length === 0 ? <Empty description="尚未纳入后备力量" image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
          <Table<ReserveRecord>
            rowKey="id"
            size="small"
            pagination={false} scroll={{ x: 'max-content' }}
            columns={reserveColumns}
            dataSource={person.reserves}
            expandable={{
              defaultExpandAllRows: true,
              expandedRowRender: (reserve) => {
                const history = histories[reserve.id];
                if (!history) return <Skeleton active paragraph={{ rows: 1 }} title={false} />;
                if (history.length === 0) return <Typography.Text type="secondary">暂无状态变化记录</Typography.Text>;
                return (
                  <Timeline
                    className="reserve-history"
                    items={history.map((step) => ({
                      key: `${step.at}-${step.toStatus}`,
                      content: (
                        <div>
                          <div>
                            <strong>{step.fromStatus ? `${reserveStatusLabel(step.fromStatus)} → ` : ''}{reserveStatusLabel(step.toStatus)}</strong>
                            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{formatDateTime(step.at)} · {step.actorName}</Typography.Text>
                          </div>
                          {step.reason && <div>{step.reason}</div>}
                        </div>
                      ),
                    }))}
                  />
                );
              },
            }}
          />
        )}
      </Card>

      <PersonEditDrawer
        person={person}
        open={isEditing}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          if (saved) {
            void message.success('已保存人员档案');
            queryClient.setQueryData(['people', id], saved);
          }
          reload();
        }}
      />
      <ReserveFormModal
        target={reserveTarget}
        onClose={() => setReserveTarget(null)}
        onSaved={(reserve) => {
          setReserveTarget(null);
          if (reserve) void message.success(`已将 ${person.name} 纳入后备力量（${reserveStatusLabel(reserve.status)}）`);
          reload();
        }}
      />
      <RevealModal shown={revealed} onClose={() => setRevealed(null)} />
    </div>
  );
}
