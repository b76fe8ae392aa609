import { DownloadOutlined } from '@ant-design/icons';
import { Button, Progress, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { DownloadedFile } from '../api/client.ts';
import { describeProgress, useDownload, type DownloadProgress, type ProgressListener } from '../state/useDownload.ts';

interface Props {
  /** Fetches the file, reporting the bytes as they arrive. */
  fetchFile: (onProgress: ProgressListener) => Promise<DownloadedFile>;
  children: ReactNode;
  icon?: ReactNode;
  type?: 'default' | 'primary' | 'link';
  /** How long the server usually takes to prepare the file (the 纪实表 PDF: ~7 s), for the progress bar. */
  expectedSeconds?: number;
  className?: string;
}

/** The progress of a download under its button: a bar while the server prepares it (when its usual time is known), then the bytes received. */
export function DownloadProgressLine({ progress, expectedSeconds }: { progress: DownloadProgress; expectedSeconds?: number | undefined }) {
  const percent = progress.phase === 'preparing'
    ? (expectedSeconds ? Math.min(95, Math.round((progress.seconds / expectedSeconds) * 90)) : null)
    : (progress.total ? Math.round((progress.received / progress.total) * 100) : null);
  return (
    <div className="download-progress" role="status">
      {percent !== null && <Progress percent={percent} size="small" showInfo={false} style={{ width: 160, margin: 0 }} />}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{describeProgress(progress, expectedSeconds)}</Typography.Text>
    </div>
  );
}

/** A button that downloads a file (xlsx export, 纪实表) and shows its progress while it runs. */
export function DownloadButton({ fetchFile, children, icon, type, expectedSeconds, className }: Props) {
  const { download, isDownloading, progress } = useDownload((_input: undefined, onProgress) => fetchFile(onProgress));
  return (
    <Space orientation="vertical" size={2} className={className}>
      <Button type={type} icon={icon ?? <DownloadOutlined />} loading={isDownloading} onClick={() => download(undefined)}>{children}</Button>
      {progress && <DownloadProgressLine progress={progress} expectedSeconds={expectedSeconds} />}
    </Space>
  );
}
