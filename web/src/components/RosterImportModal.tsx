import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Form, Modal, Result, Row, Space, Statistic, Steps, Table, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { ApiError, saveFile } from '../api/client.ts';
import { rosterApi } from '../api/roster.ts';
import type { RosterImportProblem, RosterImportResult } from '../api/types.ts';
import { OrgUnitPicker } from './OrgUnitPicker.tsx';
import { useShowError } from './useShowError.ts';

type Outcome =
  | { kind: 'imported'; result: RosterImportResult }
  | { kind: 'rejected'; message: string; errors: RosterImportProblem[] };

interface Props {
  open: boolean;
  onClose: () => void;
  /** Called after a successful import, so that the list reloads. */
  onImported: () => void;
}

/** A township's or village's 12-digit code (the township digits are not 000). */
const TOWNSHIP_OR_VILLAGE = /^\d{6}(?!000)\d{6}$/;

function importProblems(body: unknown): RosterImportProblem[] {
  if (typeof body !== 'object' || body === null) return [];
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { row, column, message } = item as Record<string, unknown>;
    if (typeof message !== 'string') return [];
    return [{ row: typeof row === 'number' ? row : Number(row), column: typeof column === 'string' ? column : String(column ?? ''), message }];
  });
}

function isXlsx(file: File): boolean {
  return /\.xlsx$/i.test(file.name);
}

const errorColumns: ColumnsType<RosterImportProblem & { key: number }> = [
  { title: '行', dataIndex: 'row', width: 90, render: (row: number) => (Number.isFinite(row) && row > 0 ? `第 ${row} 行` : '—') },
  { title: '列', dataIndex: 'column', width: 140, render: (column: string) => column || '—' },
  { title: '问题', dataIndex: 'message' },
];

/**
 * 导入名册: choose the township or village, choose the filled-in .xlsx, import. Either every row is
 * imported, or none is and the problems are listed with a copy of the file that marks them.
 */
export function RosterImportModal({ open, onClose, onImported }: Props) {
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ orgCode?: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [isImporting, setImporting] = useState(false);
  const [isDownloading, setDownloading] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [orgCode, setOrgCode] = useState<string>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFile(null);
    setOutcome(null);
    setOrgCode(undefined);
  }, [open, form]);

  const startImport = async ({ orgCode: code }: { orgCode?: string }) => {
    if (!code || !file) return;
    setOrgCode(code);
    setImporting(true);
    try {
      const result = await rosterApi.import(code, file);
      setOutcome({ kind: 'imported', result });
      onImported();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'IMPORT_REJECTED') {
        setOutcome({ kind: 'rejected', message: error.message, errors: importProblems(error.body) });
      } else {
        showError(error);
      }
    } finally {
      setImporting(false);
    }
  };

  const downloadMarked = async () => {
    if (!file || !orgCode) return;
    setDownloading(true);
    try {
      saveFile(await rosterApi.importErrors(orgCode, file, file.name.replace(/\.xlsx$/i, '') + '（错误标注）.xlsx'));
    } catch (error) {
      showError(error);
    } finally {
      setDownloading(false);
    }
  };

  const downloadTemplate = async () => {
    try {
      saveFile(await rosterApi.template());
    } catch (error) {
      showError(error);
    }
  };

  const step = outcome ? 2 : file ? 1 : 0;
  const again = () => { setOutcome(null); setFile(null); };

  const footer = outcome === null
    ? [
      <Button key="cancel" onClick={onClose}>取消</Button>,
      <Button key="import" type="primary" loading={isImporting} disabled={!file} onClick={() => form.submit()}>开始导入</Button>,
    ]
    : [
      <Button key="again" onClick={again}>{outcome.kind === 'rejected' ? '修改后重新选择文件' : '继续导入其他文件'}</Button>,
      <Button key="close" type="primary" onClick={onClose}>完成</Button>,
    ];

  return (
    <Modal
      title="导入名册"
      open={open}
      onCancel={onClose}
      footer={footer}
      maskClosable={false}
      width={{ xs: '95%', md: 760 }}
      className="roster-import-modal"
      destroyOnHidden
    >
      <Steps
        size="small"
        responsive={false}
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: '选择单位' }, { title: '选择文件' }, { title: '导入结果' }]}
      />
      {outcome === null && (
        <Form form={form} layout="vertical" onFinish={(values) => void startImport(values)}>
          <Form.Item
            name="orgCode"
            label="导入到"
            extra="选择乡镇时，名册每行须填写所在村（社区）；选择村（社区）时，未填村（社区）的行导入该村（社区）。"
            rules={[{ required: true, message: '请选择乡镇或村（社区）' }, { pattern: TOWNSHIP_OR_VILLAGE, message: '请选择乡镇或村（社区）' }]}
          >
            <OrgUnitPicker placeholder="选择乡镇或村（社区）" />
          </Form.Item>
          <Form.Item label="名册文件" required>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              multiple={false}
              fileList={file ? [{ uid: 'roster', name: file.name, status: 'done', size: file.size }] : []}
              beforeUpload={(chosen) => {
                if (!isXlsx(chosen)) {
                  void message.error(`「${chosen.name}」不是 .xlsx 文件：请用导入模板填写，并保存为 Excel 工作簿（.xlsx）`);
                  return Upload.LIST_IGNORE;
                }
                setFile(chosen);
                return false;
              }}
              onRemove={() => { setFile(null); return true; }}
            >
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text">点击或拖入名册文件（.xlsx）</p>
              <p className="ant-upload-hint">请使用导入模板填写；全部行无误才会导入，有错误时不导入任何数据。</p>
            </Upload.Dragger>
          </Form.Item>
          <Button type="link" icon={<DownloadOutlined />} onClick={() => void downloadTemplate()} style={{ paddingLeft: 0 }}>下载导入模板</Button>
        </Form>
      )}
      {outcome?.kind === 'imported' && (
        <Result
          status="success"
          title="导入成功"
          subTitle={file ? `文件「${file.name}」已全部导入。` : undefined}
          extra={(
            <Row gutter={16} justify="center" className="import-counts">
              <Col><Statistic title="共计（行）" value={outcome.result.total} /></Col>
              <Col><Statistic title="新增" value={outcome.result.created} /></Col>
              <Col><Statistic title="更新" value={outcome.result.updated} /></Col>
              <Col><Statistic title="无变化" value={outcome.result.unchanged} /></Col>
            </Row>
          )}
        />
      )}
      {outcome?.kind === 'rejected' && (
        <div className="import-rejected">
          <Alert
            type="error"
            showIcon
            title={`文件中有错误，未导入任何数据${outcome.errors.length > 0 ? `（共 ${outcome.errors.length} 处）` : ''}`}
            description={outcome.errors.length > 0
              ? '请按下表修改后重新导入，或下载标注了错误单元格的文件对照修改。'
              : outcome.message}
            style={{ marginBottom: 12 }}
          />
          <Space wrap style={{ marginBottom: 12 }}>
            <Button icon={<DownloadOutlined />} loading={isDownloading} onClick={() => void downloadMarked()}>下载标注错误的文件</Button>
          </Space>
          <Table
            rowKey="key"
            size="small"
            columns={errorColumns}
            dataSource={outcome.errors.map((problem, index) => ({ ...problem, key: index }))}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 处错误` }}
            scroll={{ x: 560 }}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>行号为 Excel 中的行号。</Typography.Paragraph>
        </div>
      )}
    </Modal>
  );
}
