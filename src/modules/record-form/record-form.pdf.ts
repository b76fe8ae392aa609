import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../server/errors.ts';

/**
 * .docx → PDF with LibreOffice (soffice --headless). Each conversion runs with a private profile
 * (-env:UserInstallation), so several can run side by side; profiles are kept and reused, since
 * making a fresh one costs seconds. Fontconfig is pointed at a file that maps the Windows CJK
 * font names the form asks for (宋体, 黑体) to Noto CJK, which a Linux server has.
 */

const FONT_ALIASES: Record<string, string> = {
  宋体: 'Noto Serif CJK SC',
  SimSun: 'Noto Serif CJK SC',
  新宋体: 'Noto Serif CJK SC',
  NSimSun: 'Noto Serif CJK SC',
  仿宋: 'Noto Serif CJK SC',
  FangSong: 'Noto Serif CJK SC',
  方正小标宋简体: 'Noto Serif CJK SC',
  黑体: 'Noto Sans CJK SC',
  SimHei: 'Noto Sans CJK SC',
  微软雅黑: 'Noto Sans CJK SC',
  'Microsoft YaHei': 'Noto Sans CJK SC',
};

const SECONDS_PER_FILE = 3;
const BASE_TIMEOUT_SECONDS = 90;
const MAX_PARALLEL_CONVERSIONS = 2;

const WORK_ROOT = path.join(os.tmpdir(), 'houbei-record-form');
const idleProfiles: string[] = [];
let running = 0;
const waiting: (() => void)[] = [];

async function acquireSlot(): Promise<void> {
  if (running < MAX_PARALLEL_CONVERSIONS) {
    running += 1;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function releaseSlot(): void {
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}

async function fontConfigFile(): Promise<string> {
  const file = path.join(WORK_ROOT, 'fonts.conf');
  const aliases = Object.entries(FONT_ALIASES)
    .map(([family, target]) => `  <alias binding="same"><family>${family}</family><prefer><family>${target}</family></prefer></alias>`)
    .join('\n');
  const content = `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${aliases}\n</fontconfig>\n`;
  await fs.mkdir(WORK_ROOT, { recursive: true });
  await fs.writeFile(file, content, 'utf8');
  return file;
}

/**
 * Runs soffice in its own process group, so that on timeout the whole group (the launcher and
 * soffice.bin under it) is killed, not only the launcher.
 */
function runSoffice(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.SOFFICE_PATH ?? 'soffice', args, { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let isTimedOut = false;
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      isTimedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'ENOENT') reject(new AppError('SERVICE_UNAVAILABLE', '服务器未安装 LibreOffice，无法生成 PDF；请下载 Word 格式（format=docx），或请管理员安装 libreoffice-writer'));
      else reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (isTimedOut) reject(new AppError('SERVICE_UNAVAILABLE', `生成 PDF 超时（超过 ${Math.round(timeoutMs / 1000)} 秒），请减少份数或改为下载 Word 格式`));
      else if (code === 0) resolve();
      else reject(new Error(`soffice exited with ${code ?? signal}: ${stderr}`));
    });
  });
}

/** Converts .docx files to PDF in one LibreOffice run; returns the PDFs in the order given. */
export async function convertDocxToPdf(documents: readonly Buffer[]): Promise<Buffer[]> {
  if (documents.length === 0) return [];
  await acquireSlot();
  const profile = idleProfiles.pop() ?? path.join(WORK_ROOT, `lo-profile-${crypto.randomBytes(6).toString('hex')}`);
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'houbei-pdf-'));
  let isProfileReusable = false;
  try {
    const fontConfig = await fontConfigFile();
    const inputs = await Promise.all(documents.map(async (document, index) => {
      const file = path.join(directory, `form-${index}.docx`);
      await fs.writeFile(file, document);
      return file;
    }));
    const outputDirectory = path.join(directory, 'pdf');
    await runSoffice(
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', outputDirectory, ...inputs],
      { ...process.env, FONTCONFIG_FILE: fontConfig, HOME: directory },
      (BASE_TIMEOUT_SECONDS + SECONDS_PER_FILE * documents.length) * 1000,
    );
    const pdfs = await Promise.all(documents.map(async (_document, index) => {
      try {
        return await fs.readFile(path.join(outputDirectory, `form-${index}.pdf`));
      } catch {
        throw new Error(`soffice wrote no PDF for document ${index + 1} of ${documents.length}`);
      }
    }));
    isProfileReusable = true;
    return pdfs;
  } finally {
    await fs.rm(directory, { recursive: true, force: true });
    if (isProfileReusable) idleProfiles.push(profile);
    else await fs.rm(profile, { recursive: true, force: true });
    releaseSlot();
  }
}
