import dayjs from 'dayjs';

/** The one date format of the client, typed and shown: 2026-11-30. */
export const DATE_FORMAT = 'YYYY-MM-DD';

export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : '—';
}
