import { CalculatorOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { differenceFromOfficial, isSameAsOfficial } from '../../../src/domain/calendar-difference.ts';
import { ApiError } from '../api/client.ts';
import { calendarApi, type CalendarYear, type CalendarYearList } from '../api/selection.ts';
import { FormModal } from '../components/FormModal.tsx';
import { useApiQuery } from '../state/queryClient.tsx';

/** Parses one date per line (YYYY-MM-DD, also 2026/1/1 or 2026.1.1); problems name the line. */
export function parseDateLines(text: string, year: number, label: string): { dates: string[]; problems: string[] } {
  const dates: string[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(line);
    const iso = match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : '';
    const date = dayjs(iso);
    // dayjs rolls 02-30 over into March: a date is valid only if it formats back to what was typed.
    if (!match || !date.isValid() || date.format('YYYY-MM-DD') !== iso) {
      problems.push(`${label}第 ${index + 1} 行「${line}」不是有效日期，应为 YYYY-MM-DD`);
      return;
    }
    if (date.year() !== year) {
      problems.push(`${label}第 ${index + 1} 行「${line}」不属于 ${year} 年`);
      return;
    }
    if (!dates.includes(iso)) dates.push(iso);
  });
  return { dates: dates.sort(), problems };
}

interface YearForm { year?: number | null; holidays?: string; makeUpWorkdays?: string; note?: string; reason?: string }
type Editing = { kind: 'new' } | { kind: 'edit'; year: CalendarYear };

interface CalculatorForm { startsOn?: Dayjs | null; workingDays?: number | null; postingDayCounts?: boolean }

/**
 * 工作日历: the official holidays and make-up workdays per year that the public notice period is
 * counted in. Years come built in (系统内置) or entered by the organisation department; entering a
 * year overrides the built-in one. A small calculator shows when a notice period ends.
 */
export function OfficialCalendarPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<YearForm>();
  const [calculator] = Form.useForm<CalculatorForm>();
  const years = useApiQuery(['official-calendar-years'], (signal) => calendarApi.years(signal));
  const list: CalendarYearList | null = years.data ?? null;
  const isLoading = years.isFetching;
  const load = () => void years.refetch();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const calculation = useMutation({
    mutationFn: ({ startsOn, workingDays, postingDayCounts }: { startsOn: string; workingDays: number; postingDayCounts: boolean }) => calendarApi.noticePeriod(startsOn, workingDays, postingDayCounts),
  });
  const period = calculation.data ?? null;
  const periodError = calculation.error ? (calculation.error instanceof ApiError ? calculation.error.message : '计算失败，请稍后重试') : null;


  // How the schedule being typed differs from the official one shipped for that year (if any).
  const watchedYear = Form.useWatch('year', form);
  const watchedHolidays = Form.useWatch('holidays', form);
  const watchedMakeUp = Form.useWatch('makeUpWorkdays', form);
  const official = list?.years.find((entry) => entry.year === watchedYear)?.official ?? null;
  const difference = useMemo(() => {
    if (!official || !watchedYear) return null;
    const typed = { holidays: parseDateLines(watchedHolidays ?? '', watchedYear, '').dates, makeUpWorkdays: parseDateLines(watchedMakeUp ?? '', watchedYear, '').dates };
    return differenceFromOfficial(watchedYear, official, typed);
  }, [official, watchedYear, watchedHolidays, watchedMakeUp]);
  const differsFromOfficial = difference !== null && !isSameAsOfficial(difference);

  useEffect(() => { if (editing) setProblems([]); }, [editing]);
  const knownYears = list?.years.map((entry) => entry.year) ?? [];
  const initialValues: YearForm = editing?.kind === 'edit'
    ? { year: editing.year.year, holidays: editing.year.holidays.join('\n'), makeUpWorkdays: editing.year.makeUpWorkdays.join('\n'), note: editing.year.note ?? '' }
    : { year: knownYears.length ? Math.max(...knownYears) + 1 : dayjs().year() };

  /** The year saved, or null when the typed dates have problems (shown above the form, nothing sent). */
  const save = async (values: YearForm): Promise<number | null> => {
    if (!editing) return null;
    const year = values.year ?? 0;
    const holidays = parseDateLines(values.holidays ?? '', year, '放假日期');
    const makeUp = parseDateLines(values.makeUpWorkdays ?? '', year, '调休上班日期');
    const overlap = holidays.dates.filter((date) => makeUp.dates.includes(date)).map((date) => `${date} 同时列为放假和调休上班`);
    const found = [...holidays.problems, ...makeUp.problems, ...overlap];
    setProblems(found);
    if (found.length > 0) return null;
    const existing = editing.kind === 'edit' ? editing.year : list?.years.find((entry) => entry.year === year);
    await calendarApi.putYear(year, {
      holidays: holidays.dates,
      makeUpWorkdays: makeUp.dates,
      note: values.note?.trim() || null,
      reason: differsFromOfficial ? values.reason?.trim() || null : null,
      version: existing?.source === 'entered' ? existing.version : null,
    });
    return year;
  };
  const onSaved = (year: number | null) => {
    if (year === null) return;
    void message.success(`已保存 ${year} 年的节假日安排`);
    setEditing(null);
    void load();
  };

  const calculate = (values: CalculatorForm) => {
    if (!values.startsOn) return;
    calculation.mutate({ startsOn: values.startsOn.format('YYYY-MM-DD'), workingDays: values.workingDays ?? 3, postingDayCounts: values.postingDayCounts ?? true });
  };

  const canUpdate = list?.policies.update ?? false;
  const columns: ColumnsType<CalendarYear> = [
    { title: '年份', dataIndex: 'year', width: 80 },
    {
      title: '来源',
      dataIndex: 'source',
      width: 110,
      render: (source: CalendarYear['source']) => (source === 'entered' ? <Tag color="blue">组织部录入</Tag> : <Tag>系统内置</Tag>),
    },
    { title: '放假', key: 'holidays', width: 80, align: 'right', render: (_value, year) => `${year.holidays.length} 天` },
    { title: '调休上班', key: 'makeUp', width: 90, align: 'right', render: (_value, year) => `${year.makeUpWorkdays.length} 天` },
    { title: '说明', dataIndex: 'note', render: (note: string | null, year) => `${note ?? ''}${year.enteredBy ? `（${year.enteredBy}）` : ''}` || '—' },
    ...(canUpdate ? [{
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_value: unknown, year: CalendarYear) => <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing({ kind: 'edit', year })}>{year.source === 'entered' ? '修改' : '更正'}</Button>,
    }] : []),
  ];

  return (
    <div className="calendar-page">
      <div className="page-header">
        <h2>工作日历</h2>
        {canUpdate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'new' })}>录入年份</Button>}
      </div>
      <Typography.Paragraph type="secondary">
        公示期按工作日计算，需要当年的法定节假日和调休安排。系统内置已公布的年份；国务院办公厅公布新一年的安排后，请组织部在此录入。
      </Typography.Paragraph>
      <Table<CalendarYear>
        rowKey="year"
        size="small"
        className="calendar-table"
        loading={isLoading}
        columns={columns}
        dataSource={[...(list?.years ?? [])].sort((a, b) => b.year - a.year)}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (year) => (
            <div className="calendar-dates">
              <div><strong>放假：</strong>{year.holidays.join('、') || '无'}</div>
              <div><strong>调休上班：</strong>{year.makeUpWorkdays.join('、') || '无'}</div>
            </div>
          ),
        }}
      />

      <Card title={<Space><CalculatorOutlined />公示期计算</Space>} size="small" style={{ marginTop: 16 }} className="notice-calculator">
        <Form<CalculatorForm> form={calculator} layout="vertical" initialValues={{ startsOn: dayjs(), workingDays: 3, postingDayCounts: true }} onFinish={calculate}>
          <Row gutter={16} align="bottom">
            <Col xs={24} md={7}>
              <Form.Item name="startsOn" label="公示开始日期（张贴日）" rules={[{ required: true, message: '请选择开始日期' }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item name="workingDays" label="工作日数" rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="postingDayCounts" label="张贴当日计入" valuePropName="checked">
                <Switch checkedChildren="计入" unCheckedChildren="不计入" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item>
                <Button htmlType="submit" loading={calculation.isPending} block>计算结束日期</Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
        {period && <Alert type="success" showIcon className="notice-period-result" title={`${period.startsOn} 起公示 ${period.workingDays} 个工作日，至 ${period.endsOn} 结束`} />}
        {periodError && <Alert type="error" showIcon title="无法计算" description={periodError} />}
      </Card>

      <FormModal<YearForm, number | null>
        title={editing?.kind === 'edit' ? `修改 ${editing.year.year} 年节假日安排` : '录入年份节假日安排'}
        open={editing !== null}
        onClose={() => setEditing(null)}
        form={form}
        initialValues={initialValues}
        save={save}
        onSaved={onSaved}
        onConflict={load}
        className="calendar-year-modal"
        intro={problems.length > 0 && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title="日期有误，请改正" description={<ul style={{ margin: 0, paddingLeft: 18 }}>{problems.map((problem) => <li key={problem}>{problem}</li>)}</ul>} />
        )}
      >
        <Form.Item name="year" label="年份" rules={[{ required: true, message: '请填写年份' }]}>
          <InputNumber min={2000} max={2100} precision={0} disabled={editing?.kind === 'edit'} style={{ width: 140 }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="holidays" label="放假日期（每行一个，YYYY-MM-DD）">
              <Input.TextArea rows={10} placeholder={'2027-01-01\n2027-02-06'} className="date-lines" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="makeUpWorkdays" label="调休上班日期（周末上班，每行一个）">
              <Input.TextArea rows={10} placeholder="2027-02-14" className="date-lines" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label="说明" rules={[{ max: 500, message: '不能超过 500 个字符' }]}>
          <Input placeholder="如：依据国办发明电〔2026〕X号" />
        </Form.Item>
        {official && !differsFromOfficial && <Typography.Paragraph type="secondary" className="calendar-difference">与系统内置的 {watchedYear} 年官方安排一致。</Typography.Paragraph>}
        {differsFromOfficial && difference && (
          <>
            <Alert
              type="warning"
              showIcon
              className="calendar-difference"
              style={{ marginBottom: 16 }}
              title={`与系统内置的 ${watchedYear} 年官方安排不同`}
              description={(
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {difference.becomeWorkingDays.length > 0 && <li>由放假改为上班：{difference.becomeWorkingDays.join('、')}</li>}
                  {difference.becomeDaysOff.length > 0 && <li>由上班改为放假：{difference.becomeDaysOff.join('、')}</li>}
                </ul>
              )}
            />
            <Form.Item name="reason" label="修改理由（与差异一并记入审计日志）" rules={[{ required: true, whitespace: true, message: '与官方安排不同，请填写修改理由' }, { max: 500, message: '不能超过 500 个字符' }]}>
              <Input.TextArea rows={2} placeholder="如：依据本省补充通知调整" />
            </Form.Item>
          </>
        )}
      </FormModal>
    </div>
  );
}
