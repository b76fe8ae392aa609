import { ExportOutlined } from '@ant-design/icons';
import { Checkbox, Space, Tooltip } from 'antd';
import { useState, type ReactNode } from 'react';
import type { DownloadedFile, ProgressListener, Query } from '../api/client.ts';
import { DownloadButton } from './DownloadButton.tsx';

interface Props {
  /** The export with the list's filters; includeSensitive is 'true' only when asked for and allowed. */
  fetchFile: (query: Query, onProgress: ProgressListener) => Promise<DownloadedFile>;
  filters: Query;
  /** Whether the user's role may see full ID numbers and phones (the choice is offered only then). */
  canReveal: boolean;
  children: ReactNode;
}

/** Export of a people list (名册, 人才台账) with the list's filters, masked unless the user ticks the box and may see full numbers. */
export function PeopleExportButton({ fetchFile, filters, canReveal, children }: Props) {
  const [includeSensitive, setIncludeSensitive] = useState(false);
  return (
    <Space wrap align="start">
      {canReveal && (
        <Tooltip title="导出的文件含完整身份证号和电话，导出会记入操作日志；请妥善保管文件">
          <Checkbox checked={includeSensitive} onChange={(event) => setIncludeSensitive(event.target.checked)}>包含完整身份证号和电话</Checkbox>
        </Tooltip>
      )}
      <DownloadButton icon={<ExportOutlined />} fetchFile={(onProgress) => fetchFile({ ...filters, includeSensitive: canReveal && includeSensitive ? 'true' : 'false' }, onProgress)}>
        {children}
      </DownloadButton>
    </Space>
  );
}
