import { Button, Col, DatePicker, Form, Space } from 'antd';
import type { Dayjs } from 'dayjs';

/** The value of a date-range filter field. */
export type DateRange = [Dayjs | null, Dayjs | null] | null;

/** A date range as the list endpoints take it: from and to, YYYY-MM-DD. */
export function rangeToQuery(range: DateRange | undefined): { from: string | undefined; to: string | undefined } {
  const [from, to] = range ?? [null, null];
  return { from: from?.format('YYYY-MM-DD'), to: to?.format('YYYY-MM-DD') };
}

/** The end of a log's filter form: the date range (field `range`), then 查询 and 重置. */
export function FilterFormEnd({ onReset, rangeSpan = 6, buttonsSpan = 3 }: { onReset: () => void; rangeSpan?: number; buttonsSpan?: number }) {
  return (
    <>
      <Col xs={24} sm={12} lg={rangeSpan}><Form.Item name="range" label="日期范围"><DatePicker.RangePicker style={{ width: '100%' }} /></Form.Item></Col>
      <Col xs={24} lg={buttonsSpan}>
        <Form.Item label=" ">
          <Space>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={onReset}>重置</Button>
          </Space>
        </Form.Item>
      </Col>
    </>
  );
}
