import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../support/build.js';

/**
 * LibreOffice as a real consumer of the .docx: headless conversion to PDF in a directory of its
 * own (its own user profile, so parallel runs do not collide), with a font configuration that maps
 * Word's 游明朝/游ゴシック to the Noto Serif/Sans JP files the project already installs, so the
 * check and the rendered pages do not depend on the machine's fonts.
 */

export const hasCommand = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

const FONT_DIRS = ['noto-serif-jp/400Regular', 'noto-serif-jp/700Bold', 'noto-sans-jp/400Regular', 'noto-sans-jp/700Bold'].map((dir) =>
  join(ROOT, 'node_modules', '@expo-google-fonts', dir),
);

const escapeXml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');

function fontsConf(workDir: string): string {
  const alias = (from: string, to: string) =>
    `<match target="pattern"><test name="family"><string>${from}</string></test><edit name="family" mode="assign" binding="strong"><string>${to}</string></edit></match>`;
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ...FONT_DIRS.map((dir) => `<dir>${escapeXml(dir)}</dir>`),
    `<cachedir>${escapeXml(join(workDir, 'fontconfig-cache'))}</cachedir>`,
    alias('游明朝', 'Noto Serif JP'),
    alias('游ゴシック', 'Noto Sans JP'),
    '</fontconfig>',
  ].join('\n');
}

/**
 * Converts `docx` to PDF inside `workDir` and returns the PDF's path. The LibreOffice profile and
 * font cache live in `workDir` too: give each concurrently running caller its own directory.
 */
export function convertToPdf(docx: string, workDir: string): string {
  mkdirSync(workDir, { recursive: true });
  const conf = join(workDir, 'fonts.conf');
  writeFileSync(conf, fontsConf(workDir));
  const outDir = join(workDir, 'pdf');
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(join(workDir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, docx],
    { env: { ...process.env, FONTCONFIG_FILE: conf }, stdio: 'pipe', timeout: 120_000 },
  );
  return join(outDir, basename(docx).replace(/\.docx$/u, '.pdf'));
}

export const pdfText = (pdf: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });

export interface OutlineItem {
  readonly depth: number;
  readonly title: string;
}

const decodeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/giu, (_m, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : e === 'amp' ? '&' : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );

/** The PDF's outline (bookmarks), which LibreOffice writes from the document's headings. */
export function pdfOutline(pdf: string): OutlineItem[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-q', '-stdout', pdf], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const start = xml.indexOf('<outline>');
  if (start < 0) return [];
  const items: OutlineItem[] = [];
  let depth = 0;
  for (const match of xml.slice(start).matchAll(/<outline>|<\/outline>|<item[^>]*>([^<]*)<\/item>/gu)) {
    if (match[0] === '<outline>') depth++;
    else if (match[0] === '</outline>') {
      depth--;
      if (depth === 0) break;
    } else items.push({ depth, title: decodeXml(match[1]!).trim() });
  }
  return items;
}
