import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { saveFile, type DownloadedFile, type ProgressListener } from '../api/client.ts';
import { useShowError } from '../components/useShowError.ts';

export type { ProgressListener };

/** Where a download is: the server preparing it (seconds so far), or the file arriving. */
export type DownloadProgress =
  | { phase: 'preparing'; seconds: number }
  | { phase: 'receiving'; received: number; total: number | null };

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The progress in words: 「正在生成 3 秒」, 「已接收 1.2 MB（45%）」. */
export function describeProgress(progress: DownloadProgress, expectedSeconds?: number): string {
  if (progress.phase === 'preparing') {
    return expectedSeconds ? `正在生成，约需 ${expectedSeconds} 秒，已用 ${progress.seconds} 秒` : `正在生成，已用 ${progress.seconds} 秒`;
  }
  const percent = progress.total ? `（${Math.min(100, Math.round((progress.received / progress.total) * 100))}%）` : '';
  return `已接收 ${formatBytes(progress.received)}${percent}`;
}

/**
 * The one way the client downloads a file (exports, 纪实表, templates): the request's pending and
 * error state live in a mutation, the error is shown, and while it runs `progress` says how long
 * the server has been preparing it and then how much of it has arrived.
 */
export function useDownload<TInput>(fetchFile: (input: TInput, onProgress: ProgressListener) => Promise<DownloadedFile>) {
  const showError = useShowError();
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const mutation = useMutation<DownloadedFile, unknown, TInput>({
    mutationFn: (input) => {
      setProgress({ phase: 'preparing', seconds: 0 });
      return fetchFile(input, (received, total) => setProgress({ phase: 'receiving', received, total }));
    },
    onSuccess: saveFile,
    onError: showError,
    onSettled: () => setProgress(null),
  });
  const isPreparing = progress?.phase === 'preparing';
  useEffect(() => {
    if (!isPreparing) return undefined;
    const timer = window.setInterval(() => setProgress((current) => (current?.phase === 'preparing' ? { phase: 'preparing', seconds: current.seconds + 1 } : current)), 1000);
    return () => window.clearInterval(timer);
  }, [isPreparing]);
  return { download: mutation.mutate, isDownloading: mutation.isPending, input: mutation.variables, progress };
}
