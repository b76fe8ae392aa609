import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Space } from 'antd';
import { recordFormApi } from '../../api/cultivation.ts';
import { DownloadButton } from '../DownloadButton.tsx';

/** Downloads one reserve's 纪实表 (record form) of a year as Word or PDF, showing progress (the PDF takes several seconds). */
export function RecordFormButtons({ reserveId, year }: { reserveId: string; year: number }) {
  return (
    <Space wrap align="start">
      <DownloadButton icon={<FileWordOutlined />} expectedSeconds={2} fetchFile={(onProgress) => recordFormApi.one(reserveId, year, 'docx', onProgress)}>纪实表（Word）</DownloadButton>
      <DownloadButton icon={<FilePdfOutlined />} expectedSeconds={7} fetchFile={(onProgress) => recordFormApi.one(reserveId, year, 'pdf', onProgress)}>纪实表（PDF）</DownloadButton>
    </Space>
  );
}
