import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Input, InputNumber, Popconfirm, Result, Skeleton, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { levelOfCode, subtreePrefix } from '../../../../src/domain/org-code.ts';
import { ApiError } from '../../api/client.ts';
import { TRAINING_METHOD_LABELS, trainingApi, type AttendanceImportResult, type AttendanceInput, type TrainingSessionDetail } from '../../api/cultivation.ts';
import { reservesApi } from '../../api/reserves.ts';
import type { Reserve } from '../../api/types.ts';
import '../../components/cultivation/cultivation.css';
import { TrainingSessionModal, type TrainingSessionTarget } from '../../components/cultivation/TrainingSessionModal.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { recordLoadError, useApiQuery } from '../../state/queryClient.tsx';
import { useSaveMutation } from '../../state/useSaveMutation.ts';

interface Row { reserveId: string; name: string; place: string; attended: boolean; daysAttended: number | null; result: string; wasRecorded: boolean }

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function isImportResult(value: unknown): value is AttendanceImportResult {
  return typeof value === 'object' && value !== null && Array.isArray((value as { problems?: unknown }).problems);
}

/** Admitted reserves of the session's audience that the caller manages (up to 1,000). */
async function loadAudience(orgCode: string): Promise<Reserve[]> {
  const prefix = subtreePrefix(orgCode, levelOfCode(orgCode));
  const fetchAll = async (scope: string | undefined) => {
    const found: Reserve[] = [];
    for (let page = 1; page <= 5; page += 1) {
      const list = await reservesApi.list({ status: 'admitted', orgCode: scope, page, pageSize: 200 });
      found.push(...list.reserves);
      if (found.length >= list.total || list.reserves.length === 0) break;
    }
    return found;
  };
  try {
    return await fetchAll(orgCode);
  } catch (error) {
    // A session held above the caller's units: list the caller's own reserves instead.
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return (await fetchAll(undefined)).filter((reserve) => reserve.orgCode.startsWith(prefix));
    throw error;
  }
}

/** The session and the rows of its attendance list: the reserves it may concern, with what is recorded. */
async function loadSession(id: string, signal: AbortSignal): Promise<{ detail: TrainingSessionDetail; rows: Row[] }> {
  const detail = await trainingApi.get(id, signal);
  const audience = detail.policies.takeAttendance ? await loadAudience(detail.orgCode) : [];
  const recorded = new Map(detail.attendance.map((entry) => [entry.reserve.id, entry]));
  const fromAudience: Row[] = audience.map((reserve) => {
    const entry = recorded.get(reserve.id);
    return {
      reserveId: reserve.id, name: reserve.person.name, place: `${reserve.townshipName}${reserve.villageName}`, attended: entry?.attended ?? false,
      daysAttended: entry ? entry.daysAttended : null, result: entry?.result ?? '', wasRecorded: entry !== undefined,
    };
  });
  const missing: Row[] = detail.attendance.filter((entry) => !audience.some((reserve) => reserve.id === entry.reserve.id)).map((entry) => ({
    reserveId: entry.reserve.id, name: entry.reserve.name, place: `${entry.reserve.townshipName}${entry.reserve.villageName}`, attended: entry.attended,
    daysAttended: entry.daysAttended, result: entry.result ?? '', wasRecorded: true,
  }));
  return { detail, rows: [...fromAudience, ...missing] };
}

/**
 * One training session: its facts, and attendance taken from the list of reserves in scope (a
 * list of rows that also works on a phone), or imported from an xlsx sign-in sheet.
 */
export function TrainingSessionPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Row[]>([]);
  const [filter, setFilter] = useState('');
  const [importResult, setImportResult] = useState<AttendanceImportResult | null>(null);
  const [editTarget, setEditTarget] = useState<TrainingSessionTarget | null>(null);
  const sessionQuery = useApiQuery(['training-session', id], (signal) => loadSession(id, signal));
  const session = sessionQuery.data?.detail ?? null;
  const loadError = recordLoadError(sessionQuery.error);

  useEffect(() => { if (sessionQuery.data) setRows(sessionQuery.data.rows); }, [sessionQuery.data]);

  const attendance = useSaveMutation({
    isToastShown: false,
    save: (entries: AttendanceInput['entries']) => trainingApi.recordAttendance(id, { entries }),
    onSaved: (_result, entries) => { void message.success(`已保存参训情况：参训 ${entries.filter((entry) => entry.attended).length} 人`); },
  });
  const sheetImport = useSaveMutation({
    isToastShown: false,
    save: (file: File) => trainingApi.importAttendance(id, file),
    onSaved: (result) => {
      setImportResult(result);
      if (result.problems.length === 0) void message.success(`已导入签到表 ${result.imported} 人`);
    },
  });
  const importProblems = sheetImport.error instanceof ApiError && isImportResult(sheetImport.error.body) ? sheetImport.error.body.problems : null;
  const shownImportResult = importProblems ? { imported: 0, problems: importProblems } : importResult;
  const removal = useSaveMutation({
    save: (session: TrainingSessionDetail) => trainingApi.remove(session.id, session.version),
    onSaved: (_result, session) => {
      void message.success(`已删除培训「${session.name}」`);
      void navigate('/training');
    },
  });

  const visible = useMemo(() => {
    const text = filter.trim();
    return text ? rows.filter((row) => row.name.includes(text) || row.place.includes(text)) : rows;
  }, [rows, filter]);

  if (loadError) return <Result status={loadError.status === 403 ? '403' : '404'} title="无法查看该培训" subTitle={loadError.message} extra={<Button onClick={() => void navigate('/training')}>返回培训列表</Button>} />;
  if (!session) return <Skeleton active paragraph={{ rows: 8 }} />;

  const update = (reserveId: string, change: Partial<Row>) => setRows((current) => current.map((row) => (row.reserveId === reserveId ? { ...row, ...change } : row)));
  const attendedCount = rows.filter((row) => row.attended).length;

  const saveAttendance = () => {
    const entries = rows.filter((row) => row.attended || row.wasRecorded).map((row) => ({
      reserveId: row.reserveId, attended: row.attended, daysAttended: row.attended ? (row.daysAttended ?? session.days) : 0, result: row.result.trim() || null,
    }));
    if (entries.length === 0) {
      void message.warning('请勾选参训人员');
      return;
    }
    attendance.submit(entries);
  };

  return (
    <div className="training-session-page">
      <div className="page-header">
        <Space wrap align="center">
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回" onClick={() => void navigate('/training')} />
          <h2>{session.name}</h2>
        </Space>
        <Space wrap>
          {session.policies.update && <Button icon={<EditOutlined />} onClick={() => setEditTarget({ kind: 'edit', session })}>修改</Button>}
          {session.policies.delete && (
            <Popconfirm title="删除该培训及其全部参训记录？" okText="删除" cancelText="取消" onConfirm={() => removal.submit(session)}>
              <Button danger icon={<DeleteOutlined />}>删除</Button>
            </Popconfirm>
          )}
        </Space>
      </div>
      <Card size="small" className="cultivation-section">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="培训方式">{TRAINING_METHOD_LABELS[session.method]}</Descriptions.Item>
          <Descriptions.Item label="举办单位">{session.organiser}（{session.orgName}）</Descriptions.Item>
          <Descriptions.Item label="日期">{session.startDate === session.endDate ? session.startDate : `${session.startDate} 至 ${session.endDate}`}</Descriptions.Item>
          <Descriptions.Item label="天数">{session.days} 天</Descriptions.Item>
          <Descriptions.Item label="地点">{session.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="参训人数">{session.attendeeCount}</Descriptions.Item>
          {session.content && <Descriptions.Item label="培训内容" span={3}>{session.content}</Descriptions.Item>}
        </Descriptions>
      </Card>

      {session.policies.takeAttendance ? (
        <Card
          size="small"
          title="登记参训情况"
          className="cultivation-section"
          extra={(
            <Upload accept={`.xlsx,${XLSX_TYPE}`} showUploadList={false} beforeUpload={(file) => { setImportResult(null); sheetImport.submit(file); return false; }}>
              <Button icon={<UploadOutlined />} loading={sheetImport.isSaving}>导入签到表</Button>
            </Upload>
          )}
        >
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            勾选参训人员；参训天数不填按培训天数 {session.days} 天计。签到表为 .xlsx，表头含「姓名」，可含「身份证号码」「参训天数」「是否参训」「培训结果」；有错误时整表不导入。
          </Typography.Paragraph>
          {shownImportResult && shownImportResult.problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              closable={{ onClose: () => setImportResult(null) }}
              style={{ marginBottom: 12 }}
              title={`签到表有 ${shownImportResult.problems.length} 处问题，未导入，请修改后重新导入`}
              description={(
                <Table
                  size="small"
                  rowKey={(problem) => `${problem.row}-${problem.message}`}
                  pagination={false}
                  className="import-problems"
                  columns={[{ title: '行号', dataIndex: 'row', width: 70 }, { title: '问题', dataIndex: 'message' }]}
                  dataSource={shownImportResult.problems}
                />
              )}
            />
          )}
          <Space wrap style={{ marginBottom: 8 }}>
            <Input.Search allowClear placeholder="按姓名或村查找" onChange={(event) => setFilter(event.target.value)} style={{ width: 240, maxWidth: '100%' }} />
            <Button onClick={() => setRows((current) => current.map((row) => (visible.includes(row) ? { ...row, attended: true } : row)))}>全部勾选</Button>
            <Button onClick={() => setRows((current) => current.map((row) => (visible.includes(row) ? { ...row, attended: false, daysAttended: null } : row)))}>全部取消</Button>
          </Space>
          <FormErrorAlert error={attendance.error} onClose={attendance.clearError} />
          {rows.length === 0 && <Typography.Paragraph type="secondary">本次培训范围内没有您管理的在库后备力量。</Typography.Paragraph>}
          <div className="attendance-rows">
            {visible.map((row) => (
              <div key={row.reserveId} className={`attendance-row${row.attended ? ' checked' : ''}`} data-reserve-id={row.reserveId}>
                <div className="attendance-name">
                  <Checkbox checked={row.attended} onChange={(event) => update(row.reserveId, { attended: event.target.checked, daysAttended: event.target.checked ? row.daysAttended : null })}>{row.name}</Checkbox>
                  <span className="attendance-village">{row.place}</span>
                </div>
                <InputNumber
                  className="attendance-days"
                  aria-label={`${row.name}的参训天数`}
                  disabled={!row.attended}
                  min={0}
                  max={session.days}
                  step={1}
                  placeholder={String(session.days)}
                  value={row.daysAttended}
                  onChange={(value) => update(row.reserveId, { daysAttended: value })}
                  suffix="天"
                />
                <Input className="attendance-result" aria-label={`${row.name}的培训结果`} disabled={!row.attended} placeholder="培训结果，如：结业" value={row.result} maxLength={200} onChange={(event) => update(row.reserveId, { result: event.target.value })} />
              </div>
            ))}
          </div>
          <div className="attendance-savebar">
            <Button type="primary" size="large" loading={attendance.isSaving} onClick={saveAttendance}>保存参训情况</Button>
            <span>已勾选 {attendedCount} 人</span>
          </div>
        </Card>
      ) : (
        <Card size="small" title="参训人员" className="cultivation-section">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={session.attendance}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '姓名', key: 'name', render: (_value, entry) => entry.reserve.name },
              { title: '村（社区）', key: 'village', render: (_value, entry) => `${entry.reserve.townshipName}${entry.reserve.villageName}` },
              { title: '参训', key: 'attended', render: (_value, entry) => (entry.attended ? <Tag color="green">参训</Tag> : <Tag>缺席</Tag>) },
              { title: '天数', dataIndex: 'daysAttended' },
              { title: '结果', key: 'result', render: (_value, entry) => entry.result ?? '—' },
            ]}
          />
        </Card>
      )}
      <TrainingSessionModal
        target={editTarget}
        onClose={() => setEditTarget(null)}
        onSaved={(saved) => { setEditTarget(null); void message.success(`已保存培训「${saved.name}」`); }}
      />
    </div>
  );
}
