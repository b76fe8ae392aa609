import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { DATE_FORMAT } from './formatDate.ts';

/**
 * A date typed or picked as YYYY-MM-DD on every device (a native date input shows the phone's
 * locale, e.g. 11/30/2026), held in the form as the 'YYYY-MM-DD' text the API takes.
 */
export function DateInput({ value, onChange, min, max, disabled, id, placeholder }: {
  value?: string | null;
  onChange?: (value: string) => void;
  min?: string;
  max?: string;
  disabled?: boolean;
  id?: string;
  placeholder?: string;
}) {
  return (
    <DatePicker
      id={id}
      style={{ width: '100%' }}
      format={DATE_FORMAT}
      inputReadOnly={false}
      disabled={disabled}
      placeholder={placeholder ?? '年-月-日'}
      value={value ? dayjs(value, DATE_FORMAT) : null}
      onChange={(date) => onChange?.(date ? date.format(DATE_FORMAT) : '')}
      disabledDate={(date) => Boolean((min && date.isBefore(dayjs(min), 'day')) || (max && date.isAfter(dayjs(max), 'day')))}
    />
  );
}
