import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { saveFile } from '../../api/client.ts';
import { recordFormApi, type RecordFormFormat } from '../../api/cultivation.ts';
import { useShowError } from '../useShowError.ts';

/** Downloads one reserve's 纪实表 (record form) of a year as Word or PDF. */
export function RecordFormButtons({ reserveId, year }: { reserveId: string; year: number }) {
  const showError = useShowError();
  const [busy, setBusy] = useState<RecordFormFormat | null>(null);
  const download = async (format: RecordFormFormat) => {
    setBusy(format);
    try {
      saveFile(await recordFormApi.one(reserveId, year, format));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space wrap>
      <Button icon={<FileWordOutlined />} loading={busy === 'docx'} onClick={() => void download('docx')}>纪实表（Word）</Button>
      <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => void download('pdf')}>纪实表（PDF）</Button>
    </Space>
  );
}
