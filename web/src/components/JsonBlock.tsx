import { auditFieldLabel } from '../../../src/domain/audit-labels.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) return value.map(showValue).join('、');
  return JSON.stringify(value, null, 2);
}

/** An audit event's before or after state: each field by its Chinese name (from src/domain/audit-labels.ts), nested records indented. */
export function JsonBlock({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span style={{ color: 'rgba(0,0,0,0.45)' }}>（无）</span>;
  if (!isRecord(value)) return <pre className="json-block">{showValue(value)}</pre>;
  return (
    <dl className="json-block audit-fields">
      {Object.entries(value).map(([field, fieldValue]) => (
        <div key={field} className="audit-field">
          <dt title={field}>{auditFieldLabel(field)}</dt>
          <dd>{isRecord(fieldValue) ? <JsonBlock value={fieldValue} /> : showValue(fieldValue)}</dd>
        </div>
      ))}
    </dl>
  );
}
