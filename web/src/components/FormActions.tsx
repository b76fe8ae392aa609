import { Button } from 'antd';

/** The large save (and cancel) buttons under a one-column form made for a phone. */
export function FormActions({ onCancel, isSaving, saveText }: { onCancel?: () => void; isSaving: boolean; saveText: string }) {
  return (
    <div className="form-actions">
      {onCancel && <Button size="large" onClick={onCancel}>取消</Button>}
      <Button type="primary" size="large" htmlType="submit" loading={isSaving}>{saveText}</Button>
    </div>
  );
}
