import { Tag } from 'antd';
import { formatDateTime } from '../formatDate.ts';

/**
 * Who entered a cultivation record and when: 「王导师 录入 · 2026-11-29 10:05:12」, or, when someone
 * else entered it for the mentor, the assessing unit or the talker, 「代录 由 李四 代录 · …」.
 */
export function EntryNote({ entry }: { entry: { recordedBy: string | null; recordedAt: string; isProxy?: boolean } }) {
  const at = formatDateTime(entry.recordedAt);
  if (entry.recordedBy === null) return <span className="entry-note">录入于 {at}</span>;
  if (entry.isProxy) return <span className="entry-note"><Tag color="orange">代录</Tag>由 {entry.recordedBy} 代录 · {at}</span>;
  return <span className="entry-note">{entry.recordedBy} 录入 · {at}</span>;
}
