import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { renderAsync } from '@resvg/resvg-js';
import * as echarts from 'echarts';

/**
 * Charts of the reports as PNG images: ECharts renders on the server to SVG (`ssr: true`), and
 * resvg rasterises the SVG (in its worker threads, the charts of a report side by side). Text is
 * drawn with the first CJK font of `CJK_FONTS` that fontconfig knows, looked up once: Droid Sans
 * Fallback, a plain TrueType font that resvg shapes about five times faster than the Noto CJK
 * collection, and Noto Sans CJK (which the PDF conversion uses) otherwise; without either resvg
 * falls back to the system's fonts.
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
const CJK_FONTS = ['Droid Sans Fallback', 'Noto Sans CJK SC'] as const;
/** Latin letters and digits, which Droid Sans Fallback lacks (resvg takes a missing glyph from another loaded font). */
const LATIN_FONTS = ['Liberation Sans', 'DejaVu Sans'] as const;
/** The family named in the SVG; resvg draws it with the font found (its default family). */
const FONT_FAMILY = 'sans-serif';
const COLORS = ['#c0392b', '#2f6fb0', '#e0a526', '#3a9a5b', '#7a5195', '#8c8c8c'];

const execFileAsync = promisify(execFile);
/** The file and family of the first of the families fontconfig knows (null without one). */
async function findFont(families: readonly string[]): Promise<{ file: string; family: string } | null> {
  for (const family of families) {
    try {
      const { stdout } = await execFileAsync('fc-list', ['-f', '%{file}\\n', `:family=${family}`], { timeout: 10_000 });
      const file = stdout.split('\n').find((line) => line !== '' && fs.existsSync(line));
      if (file) return { file, family };
    } catch {
      // fontconfig missing: try the next, then the system's fonts
    }
  }
  return null;
}

let fontsPromise: Promise<{ files: string[]; family: string } | null> | undefined;

/** The fonts the charts are drawn with, looked up once: the CJK font's family, and its file beside a Latin font's. */
function chartFonts(): Promise<{ files: string[]; family: string } | null> {
  fontsPromise ??= Promise.all([findFont(CJK_FONTS), findFont(LATIN_FONTS)]).then(([cjk, latin]) => (cjk ? { files: [cjk.file, ...(latin ? [latin.file] : [])], family: cjk.family } : null));
  return fontsPromise;
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

/** One bar chart as a PNG image, rasterised in resvg's worker threads. */
export async function renderBarChartPng(input: BarChartInput): Promise<ChartImage> {
  const fonts = await chartFonts();
  const rendered = await renderAsync(renderBarChartSvg(input), {
    fitTo: { mode: 'zoom', value: SCALE },
    background: '#ffffff',
    font: fonts ? { fontFiles: fonts.files, loadSystemFonts: false, defaultFontFamily: fonts.family, sansSerifFamily: fonts.family } : { loadSystemFonts: true },
  });
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}
