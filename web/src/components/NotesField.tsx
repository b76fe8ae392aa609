import { Form, Input } from 'antd';

/** The free-text 备注 of a record (up to 500 characters), the same in every form. */
export function NotesField({ rows = 2 }: { rows?: number }) {
  return (
    <Form.Item name="notes" label="备注" rules={[{ max: 500, message: '备注不能超过 500 个字符' }]}>
      <Input.TextArea rows={rows} showCount maxLength={500} />
    </Form.Item>
  );
}
