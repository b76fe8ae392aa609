import { FileWordOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { ANALYSIS_HEADING_MAX_LENGTH, ANALYSIS_SECTION_HEADINGS, ANALYSIS_SECTIONS, defaultAnalysisTitle, type AnalysisSection } from '../../../../src/domain/analysis-report.ts';
import { halfYearLabel, halfYearOf } from '../../../../src/domain/statistics.ts';
import { dashboardApi, type AnalysisReportInput } from '../../api/dashboard.ts';
import { DownloadProgressLine } from '../../components/DownloadButton.tsx';
import { useDownload } from '../../state/useDownload.ts';

interface FormValues {
  halfYear: string;
  format: 'docx' | 'pdf';
  title?: string;
  headings?: Partial<Record<AnalysisSection, string>>;
}

/** The current half year and the three before it, newest first: '2026-2' → 2026 年下半年. */
function halfYearOptions(today: string): { value: string; label: string }[] {
  let { year, half } = halfYearOf(today);
  const options: { value: string; label: string }[] = [];
  for (let index = 0; index < 4; index += 1) {
    options.push({ value: `${year}-${half}`, label: halfYearLabel(year, half) });
    if (half === 2) half = 1;
    else { half = 2; year -= 1; }
  }
  return options;
}

/** The button and form of the semiannual analysis report: half year, format, title and section headings (left blank: the defaults). */
export function AnalysisReportButton({ orgCode, unitName, today }: { orgCode: string; unitName: string; today: string }) {
  const [isOpen, setIsOpen] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const { download, isDownloading, progress } = useDownload((input: AnalysisReportInput, onProgress) => dashboardApi.analysisReport(orgCode, input, onProgress));
  const options = halfYearOptions(today);
  const halfYear = Form.useWatch('halfYear', form) ?? options[0]!.value;
  const [year, half] = halfYear.split('-').map(Number) as [number, 1 | 2];
  const submit = (values: FormValues) => {
    const [chosenYear, chosenHalf] = values.halfYear.split('-').map(Number) as [number, 1 | 2];
    const headings = Object.fromEntries(Object.entries(values.headings ?? {}).filter(([, text]) => typeof text === 'string' && text.trim() !== ''));
    download({ year: chosenYear, half: chosenHalf, format: values.format, ...(values.title?.trim() && { title: values.title.trim() }), headings }, { onSuccess: () => setIsOpen(false) });
  };
  return (
    <>
      <Button icon={<FileWordOutlined />} onClick={() => setIsOpen(true)}>综合分析研判报告</Button>
      <Modal title="生成综合分析研判报告" open={isOpen} onCancel={() => setIsOpen(false)} okText="生成并下载" cancelText="取消"
        onOk={() => form.submit()} confirmLoading={isDownloading} destroyOnHidden width={560}>
        <Typography.Paragraph type="secondary">
          报告的数字为今天的统计；调整、补充和选用按所选半年统计，并与半年初的统计快照比较。标题留空时用默认标题。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ halfYear: options[0]!.value, format: 'docx' }} onFinish={submit}>
          <Form.Item name="halfYear" label="半年"><Select options={options} /></Form.Item>
          <Form.Item name="format" label="格式">
            <Radio.Group options={[{ value: 'docx', label: 'Word（可编辑）' }, { value: 'pdf', label: 'PDF' }]} />
          </Form.Item>
          <Form.Item name="title" label="报告标题" rules={[{ max: ANALYSIS_HEADING_MAX_LENGTH, message: `标题不能超过 ${ANALYSIS_HEADING_MAX_LENGTH} 个字符` }]}>
            <Input placeholder={defaultAnalysisTitle(unitName, year, half)} />
          </Form.Item>
          {ANALYSIS_SECTIONS.map((section) => (
            <Form.Item key={section} name={['headings', section]} label={`第 ${ANALYSIS_SECTIONS.indexOf(section) + 1} 部分标题`}
              rules={[{ max: ANALYSIS_HEADING_MAX_LENGTH, message: `标题不能超过 ${ANALYSIS_HEADING_MAX_LENGTH} 个字符` }]}>
              <Input placeholder={ANALYSIS_SECTION_HEADINGS[section]} />
            </Form.Item>
          ))}
        </Form>
        {progress && <DownloadProgressLine progress={progress} expectedSeconds={10} />}
      </Modal>
    </>
  );
}
