import { Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';

type ECharts = typeof import('echarts/core');
let loading: Promise<ECharts> | null = null;

/**
 * ECharts, fetched the first time a chart is shown (its own chunk: pages without charts never load
 * it), with only the bar and pie charts and the SVG renderer (./echarts-setup.ts).
 */
function loadECharts(): Promise<ECharts> {
  loading ??= import('./echarts-setup.ts').then((module) => module.echarts);
  return loading;
}

export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
}

/** One chart: the option as ECharts takes it, a click handler on its bars or slices. */
export function EChart({ option, height = 260, onClick, label }: { option: EChartsCoreOption; height?: number; onClick?: (click: ChartClick) => void; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [isReady, setReady] = useState(false);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    let isCancelled = false;
    void loadECharts().then((echarts) => {
      if (isCancelled || !element.current) return;
      chart.current = echarts.init(element.current, undefined, { renderer: 'svg' });
      chart.current.on('click', (params) => clickRef.current?.({ seriesIndex: params.seriesIndex ?? 0, dataIndex: params.dataIndex }));
      setReady(true);
    });
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      isCancelled = true;
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (isReady) chart.current?.setOption(option, true);
  }, [isReady, option]);

  return (
    <div style={{ position: 'relative', height }}>
      {!isReady && <Skeleton active paragraph={{ rows: 4 }} style={{ position: 'absolute', inset: 0 }} />}
      <div ref={element} className="dashboard-chart" role="img" aria-label={label} data-ready={isReady ? 'true' : 'false'} style={{ height, width: '100%' }} />
    </div>
  );
}
