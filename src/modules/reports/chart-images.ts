import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';

/**
 * Charts of the reports as PNG images: ECharts renders on the server to SVG (`ssr: true`), and
 * resvg rasterises the SVG. Text is drawn with Noto Sans CJK (the font the PDF conversion also
 * uses), found once through fontconfig; without it resvg falls back to the system's fonts.
 */

export interface BarChartInput {
  title: string;
  items: readonly { label: string; count: number }[];
  /** The series' name (e.g. 后备力量, 在任书记); two or more series are drawn side by side. */
  series?: readonly { name: string; counts: readonly number[] }[];
}

export interface ChartImage {
  png: Buffer;
  /** Pixels of the PNG (drawn at twice the chart's size, for print). */
  width: number;
  height: number;
}

const CHART_SIZE = { width: 640, height: 340 };
const SCALE = 2;
const FONT_FAMILY = 'Noto Sans CJK SC';
const COLORS = ['#c0392b', '#2f6fb0', '#e0a526', '#3a9a5b', '#7a5195', '#8c8c8c'];

const execFileAsync = promisify(execFile);
let fontFilesPromise: Promise<string[]> | undefined;

/** The files of the CJK font, looked up once (empty when fontconfig does not know it). */
function cjkFontFiles(): Promise<string[]> {
  fontFilesPromise ??= execFileAsync('fc-match', ['-f', '%{file}', FONT_FAMILY], { timeout: 10_000 })
    .then(({ stdout }) => (stdout && fs.existsSync(stdout) ? [stdout] : []))
    .catch(() => []);
  return fontFilesPromise;
}

function chartOption(input: BarChartInput): echarts.EChartsCoreOption {
  const labels = input.items.map((item) => item.label);
  const series = input.series ?? [{ name: input.title, counts: input.items.map((item) => item.count) }];
  const isLong = labels.some((label) => label.length > 6) || labels.length > 6;
  return {
    animation: false,
    backgroundColor: '#ffffff',
    color: COLORS,
    textStyle: { fontFamily: FONT_FAMILY },
    title: { text: input.title, left: 'center', top: 6, textStyle: { fontSize: 16, fontWeight: 'bold', fontFamily: FONT_FAMILY } },
    legend: series.length > 1 ? { top: 32, data: series.map((item) => item.name), textStyle: { fontFamily: FONT_FAMILY } } : undefined,
    grid: { left: 48, right: 24, top: series.length > 1 ? 64 : 48, bottom: isLong ? 84 : 40 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: isLong ? 30 : 0, fontSize: 11, fontFamily: FONT_FAMILY } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((item) => ({ type: 'bar', name: item.name, data: [...item.counts], barMaxWidth: 48, label: { show: true, position: 'top', fontFamily: FONT_FAMILY } })),
  };
}

/** One bar chart as SVG, drawn by ECharts on the server. */
export function renderBarChartSvg(input: BarChartInput): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_SIZE.width, height: CHART_SIZE.height });
  try {
    chart.setOption(chartOption(input));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** One bar chart as a PNG image. */
export async function renderBarChartPng(input: BarChartInput): Promise<ChartImage> {
  const fontFiles = await cjkFontFiles();
  const rendered = new Resvg(renderBarChartSvg(input), {
    fitTo: { mode: 'zoom', value: SCALE },
    background: '#ffffff',
    font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: FONT_FAMILY },
  }).render();
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}
