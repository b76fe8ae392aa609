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
 *
 * In the server (`keepSpareConverter`), after a conversion a spare LibreOffice instance is started
 * on its own profile: soffice hands the next conversion on that profile to the instance already
 * running, which saves the seconds of starting one (the instance ends after that conversion, and
 * another spare is started). A spare unused for SPARE_IDLE_MS is ended, and so is a spare when the
 * server stops or its process exits.
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
/** How long a spare instance may take to come up, and how long it is kept unused. */
const SPARE_START_MS = 20_000;
const SPARE_IDLE_MS = 10 * 60_000;
/** Where LibreOffice puts the pipe of an --accept=pipe,name=… connection (sal/osl: /tmp). */
const OSL_PIPE_DIRECTORY = '/tmp';
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

function newProfile(): string {
  return idleProfiles.pop() ?? path.join(WORK_ROOT, `lo-profile-${crypto.randomBytes(6).toString('hex')}`);
}

function endProcessGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

interface Spare {
  profile: string;
  pid: number | undefined;
  /** True once the instance takes conversions; false when it ended or did not come up in time. */
  ready: Promise<boolean>;
  idleTimer: NodeJS.Timeout;
  hasEnded: boolean;
}

let spare: Spare | null = null;
let keepsSpare = false;
let isExitHookSet = false;
/** Conversions so far, by whether a spare instance made them. */
export const pdfConversions = { warm: 0, cold: 0 };

/**
 * From now on keeps a spare instance after each conversion. Answers the function that stops
 * keeping one and ends the spare.
 */
export function keepSpareConverter(): () => void {
  keepsSpare = true;
  return () => {
    keepsSpare = false;
    endProcessGroup(spare?.pid);
    spare = null;
  };
}

/** Waits until the spare instance takes conversions; false when there is none. */
export async function spareConverterReady(): Promise<boolean> {
  return spare ? spare.ready : false;
}

/** Starts a spare instance unless one is running or starting. */
function startSpare(fontConfig: string): void {
  if (!keepsSpare || spare) return;
  const profile = newProfile();
  const pipeName = `houbei-spare-${crypto.randomBytes(6).toString('hex')}`;
  const child = spawn(process.env.SOFFICE_PATH ?? 'soffice', [
    `-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nolockcheck', '--invisible', `--accept=pipe,name=${pipeName};urp;`,
  ], { env: { ...process.env, FONTCONFIG_FILE: fontConfig, HOME: WORK_ROOT }, detached: true, stdio: 'ignore' });
  child.unref();
  const entry: Spare = {
    profile, pid: child.pid, ready: Promise.resolve(false), hasEnded: false,
    idleTimer: setTimeout(() => endProcessGroup(child.pid), SPARE_IDLE_MS).unref(),
  };
  entry.ready = (async () => {
    const pipe = path.join(OSL_PIPE_DIRECTORY, `OSL_PIPE_${process.getuid?.() ?? 0}_${pipeName}`);
    const deadline = Date.now() + SPARE_START_MS;
    while (!entry.hasEnded && Date.now() < deadline) {
      if (await fs.access(pipe).then(() => true, () => false)) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    endProcessGroup(child.pid);
    return false;
  })();
  child.on('error', () => { entry.hasEnded = true; });
  child.on('exit', () => {
    entry.hasEnded = true;
    clearTimeout(entry.idleTimer);
    if (spare === entry) spare = null;
    idleProfiles.push(profile);
  });
  spare = entry;
  if (!isExitHookSet) {
    isExitHookSet = true;
    process.once('exit', () => endProcessGroup(spare?.pid));
  }
}

/** The spare instance, taken for one conversion, once it takes conversions; null when there is none. */
async function takeSpare(): Promise<Spare | null> {
  const taken = spare;
  if (!taken || !(await taken.ready) || spare !== taken || taken.hasEnded) return null;
  spare = null;
  clearTimeout(taken.idleTimer);
  return taken;
}

/** Converts .docx files to PDF in one LibreOffice run; returns the PDFs in the order given. */
export async function convertDocxToPdf(documents: readonly Buffer[]): Promise<Buffer[]> {
  if (documents.length === 0) return [];
  await acquireSlot();
  const warm = await takeSpare();
  pdfConversions[warm ? 'warm' : 'cold'] += 1;
  const profile = warm?.profile ?? newProfile();
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'houbei-pdf-'));
  let isProfileReusable = false;
  const fontConfig = await fontConfigFile();
  try {
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
    if (warm) {
      // The instance ends after its conversion and gives its profile back; one that has not within seconds is ended.
      setTimeout(() => { if (!warm.hasEnded) endProcessGroup(warm.pid); }, 5_000).unref();
    } else if (isProfileReusable) idleProfiles.push(profile);
    else await fs.rm(profile, { recursive: true, force: true });
    releaseSlot();
    startSpare(fontConfig);
  }
}
