/** Pretty-printed JSON of an audit event's before or after state. */
export function JsonBlock({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span style={{ color: 'rgba(0,0,0,0.45)' }}>（无）</span>;
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}
