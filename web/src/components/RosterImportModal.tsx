import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Form, Modal, Result, Row, Space, Statistic, Steps, Table, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { rosterApi } from '../api/roster.ts';
import { talentLedgerApi } from '../api/talentLedger.ts';
import type { RosterImportProblem, RosterImportResult } from '../api/types.ts';
import { useDownload } from '../state/useDownload.ts';
import { DownloadProgressLine } from './DownloadButton.tsx';
import { OrgUnitPicker } from './OrgUnitPicker.tsx';
import { useShowError } from './useShowError.ts';

type Outcome =
  | { kind: 'imported'; result: RosterImportResult }
  | { kind: 'rejected'; message: string; errors: RosterImportProblem[] };

/** What is imported: the roster (reserves) or a talent ledger (people surveyed), both from the roster template. */
export type ImportKind = 'roster' | 'ledger';

const IMPORTS: Record<ImportKind, { title: string; fileLabel: string; run: (orgCode: string, file: Blob) => Promise<RosterImportResult>; unitHint: string }> = {
  roster: {
    title: '导入名册', fileLabel: '名册文件', run: rosterApi.import,
    unitHint: '选择乡镇时，名册每行须填写所在村（社区）；选择村（社区）时，未填村（社区）的行导入该村（社区）。',
  },
  ledger: {
    title: '导入人才台账', fileLabel: '台账文件', run: talentLedgerApi.import,
    unitHint: '人才台账按村（社区）建立；选择乡镇时，每行须填写所在村（社区）。可先导出台账，修改后再导入（须含完整身份证号码）。',
  },
};

/** A township's or village's 12-digit code (the township digits are not 000). */
const TOWNSHIP_OR_VILLAGE = /^\d{6}(?!000)\d{6}$/;

interface Props {
  open: boolean;
  onClose: () => void;
  /** Called after a successful import (the lists on screen are refreshed already). */
  onImported?: () => void;
  kind?: ImportKind;
  /** The unit chosen when the modal opens (the list's unit filter, when it is a township or village). */
  defaultOrgCode?: string | undefined;
}

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
export function RosterImportModal({ open, onClose, onImported, kind = 'roster', defaultOrgCode }: Props) {
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const spec = IMPORTS[kind];
  const [form] = Form.useForm<{ orgCode?: string }>();
  const [file, setFile] = useState<File | null>(null);
  const importing = useMutation<RosterImportResult, unknown, { orgCode: string; file: File }>({
    mutationFn: (input) => spec.run(input.orgCode, input.file),
    onSuccess: () => { void queryClient.invalidateQueries(); onImported?.(); },
    onError: (error) => { if (!(error instanceof ApiError && error.code === 'IMPORT_REJECTED')) showError(error); },
  });
  const marked = useDownload((input: { orgCode: string; file: File }, onProgress) =>
    rosterApi.importErrors(input.orgCode, input.file, input.file.name.replace(/\.xlsx$/i, '') + '（错误标注）.xlsx', onProgress));
  const template = useDownload((_input: undefined, onProgress) => rosterApi.template(onProgress));
  const { reset } = importing;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (defaultOrgCode && TOWNSHIP_OR_VILLAGE.test(defaultOrgCode)) form.setFieldsValue({ orgCode: defaultOrgCode });
    setFile(null);
    reset();
  }, [open, form, reset, defaultOrgCode]);

  const error = importing.error;
  const outcome: Outcome | null = importing.data
    ? { kind: 'imported', result: importing.data }
    : error instanceof ApiError && error.code === 'IMPORT_REJECTED'
      ? { kind: 'rejected', message: error.message, errors: importProblems(error.body) }
      : null;

  const startImport = ({ orgCode: code }: { orgCode?: string }) => {
    if (code && file) importing.mutate({ orgCode: code, file });
  };
  const downloadMarked = () => { if (file && importing.variables) marked.download(importing.variables); };

  const step = outcome ? 2 : file ? 1 : 0;
  const again = () => { reset(); setFile(null); };

  const footer = outcome === null
    ? [
      <Button key="cancel" onClick={onClose}>取消</Button>,
      <Button key="import" type="primary" loading={importing.isPending} disabled={!file} onClick={() => form.submit()}>开始导入</Button>,
    ]
    : [
      <Button key="again" onClick={again}>{outcome.kind === 'rejected' ? '修改后重新选择文件' : '继续导入其他文件'}</Button>,
      <Button key="close" type="primary" onClick={onClose}>完成</Button>,
    ];

  return (
    <Modal
      title={spec.title}
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
        <Form form={form} layout="vertical" onFinish={startImport}>
          <Form.Item
            name="orgCode"
            label="导入到"
            extra={spec.unitHint}
            rules={[{ required: true, message: '请选择乡镇或村（社区）' }, { pattern: TOWNSHIP_OR_VILLAGE, message: '请选择乡镇或村（社区）' }]}
          >
            <OrgUnitPicker placeholder="选择乡镇或村（社区）" />
          </Form.Item>
          <Form.Item label={spec.fileLabel} required>
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
              <p className="ant-upload-text">点击或拖入{spec.fileLabel}（.xlsx）</p>
              <p className="ant-upload-hint">请使用导入模板填写；全部行无误才会导入，有错误时不导入任何数据。</p>
            </Upload.Dragger>
          </Form.Item>
          <Button type="link" icon={<DownloadOutlined />} loading={template.isDownloading} onClick={() => template.download(undefined)} style={{ paddingLeft: 0 }}>下载导入模板</Button>
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
            <Button icon={<DownloadOutlined />} loading={marked.isDownloading} onClick={downloadMarked}>下载标注错误的文件</Button>
            {marked.progress && <DownloadProgressLine progress={marked.progress} />}
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
