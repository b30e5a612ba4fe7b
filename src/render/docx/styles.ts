import { AlignmentType, BorderStyle, LevelFormat, LineRuleType, type ILevelsOptions, type INumberingOptions, type IStylesOptions } from 'docx';
import type { DocumentMeta } from '../../model/types.js';
import { CHAR, COLOR, LIST_STEP, MAX_LIST_LEVEL, SIZE } from './layout.js';

/**
 * Styles and list definitions. Headings use Word's built-in heading styles (ids Heading1…, names
 * "heading 1"…, which Word shows as 見出し 1 and puts in the navigation pane), so whoever edits the
 * file in Word finds the structure where Word keeps it. Our own styles have Japanese names.
 */

/** Paragraph style ids used by the block handlers. */
export const STYLE = {
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  caption: 'FigureTitle',
  coverTitle: 'Title',
  documentTitle: 'DocumentTitle',
  coverSubtitle: 'Subtitle',
  tocHeading: 'TOCHeading',
  frontHeading: 'FrontHeading',
  header: 'Header',
  footer: 'Footer',
  listParagraph: 'ListParagraph',
  bodyText: 'BodyText',
  figure: 'Figure',
  label: 'LabelHeading',
} as const;

/** Built-in heading style for a heading level (1 = chapter); Word shows 見出し 1…6. */
export const headingStyle = (level: number): string => `Heading${Math.min(Math.max(level, 1), 6)}`;

const fontsOf = (family: string) => ({ ascii: family, eastAsia: family, hAnsi: family, cs: family });

const headingParagraph = (outlineLevel: number, before: number, after: number) => ({
  outlineLevel,
  keepNext: true,
  keepLines: true,
  spacing: { before, after, line: 240, lineRule: LineRuleType.AUTO },
});

export function documentStyles(fonts: DocumentMeta['fonts']): IStylesOptions {
  const heading = fontsOf(fonts.heading);
  return {
    default: {
      document: {
        run: { font: fontsOf(fonts.body), size: SIZE.body, language: { value: 'en-US', eastAsia: 'ja-JP' } },
        // Justified, as Japanese body text is set (両端揃え).
        paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 60, line: 300, lineRule: LineRuleType.AUTO } },
      },
      title: {
        name: 'Title',
        run: { font: heading, size: SIZE.title, bold: true, color: COLOR.headingText },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 2400, after: 480 } },
      },
      // Chapters are ruled underneath; each opens a new page (set on the paragraph: styles cannot).
      heading1: {
        name: 'heading 1',
        run: { font: heading, size: SIZE.heading1, bold: true, color: COLOR.headingText },
        paragraph: {
          ...headingParagraph(0, 0, 240),
          border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: COLOR.headingText, space: 4 } },
        },
      },
      heading2: {
        name: 'heading 2',
        run: { font: heading, size: SIZE.heading2, bold: true, color: COLOR.headingText },
        paragraph: headingParagraph(1, 360, 120),
      },
      heading3: {
        name: 'heading 3',
        run: { font: heading, size: SIZE.heading3, bold: true, color: COLOR.headingText },
        paragraph: headingParagraph(2, 240, 80),
      },
      heading4: {
        name: 'heading 4',
        run: { font: heading, size: SIZE.heading4, bold: true, italics: false, color: COLOR.headingText },
        paragraph: headingParagraph(3, 180, 60),
      },
      // The sample's deepest clauses (2.1.4.1): still headings, so they keep their place in the tree.
      heading5: {
        name: 'heading 5',
        run: { font: heading, size: SIZE.body, bold: true, color: COLOR.headingText },
        paragraph: headingParagraph(4, 120, 40),
      },
      heading6: {
        name: 'heading 6',
        run: { font: heading, size: SIZE.body, bold: false, color: COLOR.headingText },
        paragraph: headingParagraph(5, 120, 40),
      },
      listParagraph: { name: 'List Paragraph', paragraph: { spacing: { after: 40 } } },
      hyperlink: { name: 'Hyperlink', run: { color: '1F4E99', underline: {} } },
    },
    paragraphStyles: [
      // The table of contents runs to several pages; keep its entries close, chapters set apart.
      ...[1, 2, 3].map((level) => ({
        id: `TOC${level}`,
        name: `toc ${level}`,
        basedOn: 'Normal',
        next: 'Normal',
        uiPriority: 39,
        semiHidden: true,
        unhideWhenUsed: true,
        run: level === 1 ? { font: heading, bold: true } : {},
        paragraph: {
          spacing: { before: level === 1 ? 120 : 0, after: 0, line: 264, lineRule: LineRuleType.AUTO },
          ...(level > 1 ? { indent: { left: (level - 1) * CHAR } } : {}),
        },
      })),
      {
        id: STYLE.coverSubtitle,
        name: 'Subtitle',
        basedOn: 'Normal',
        run: { font: heading, size: SIZE.subtitle, color: COLOR.headingText },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
      },
      {
        id: STYLE.documentTitle,
        name: '文書の題名',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: heading, size: SIZE.heading1, bold: true, color: COLOR.headingText },
        paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 360 } },
      },
      {
        id: STYLE.frontHeading,
        name: '前付けの見出し',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: heading, size: SIZE.heading2, bold: true, color: COLOR.headingText },
        paragraph: { keepNext: true, spacing: { before: 240, after: 160 } },
      },
      {
        id: STYLE.tocHeading,
        name: 'TOC Heading',
        basedOn: STYLE.frontHeading,
        next: 'Normal',
        paragraph: { spacing: { before: 600 } },
      },
      // Body paragraphs begin one character in (段落の字下げ), as the PDF sets them.
      {
        id: STYLE.bodyText,
        name: 'Body Text',
        basedOn: 'Normal',
        next: STYLE.bodyText,
        quickFormat: true,
        paragraph: { indent: { firstLine: CHAR, firstLineChars: 100 } },
      },
      // 「＜ウイルス感染時の初期対応＞」: a sub-heading that stays with what it introduces, out of the outline.
      {
        id: STYLE.label,
        name: '小見出し',
        basedOn: STYLE.bodyText,
        next: STYLE.bodyText,
        quickFormat: true,
        run: { font: heading, bold: true, color: COLOR.headingText },
        paragraph: { keepNext: true, keepLines: true, spacing: { before: 120 } },
      },
      {
        id: STYLE.tableText,
        name: '表の本文',
        basedOn: 'Normal',
        quickFormat: true,
        run: { size: SIZE.table },
        paragraph: { spacing: { before: 0, after: 20, line: 264, lineRule: LineRuleType.AUTO } },
      },
      {
        id: STYLE.tableHeading,
        name: '表の見出し',
        basedOn: STYLE.tableText,
        quickFormat: true,
        run: { font: heading, bold: true },
        paragraph: { keepNext: true },
      },
      {
        id: STYLE.caption,
        name: '図表の題',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: heading, bold: true, size: SIZE.table },
        paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 160, after: 80 } },
      },
      {
        id: STYLE.figure,
        name: '図',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 160, line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: STYLE.header,
        name: 'header',
        basedOn: 'Normal',
        run: { size: SIZE.small, color: COLOR.muted },
        paragraph: { spacing: { after: 0, line: 240 } },
      },
      {
        id: STYLE.footer,
        name: 'footer',
        basedOn: 'Normal',
        run: { size: SIZE.small, color: COLOR.muted },
        paragraph: { spacing: { after: 0, line: 240 } },
      },
    ],
  };
}

/** List references: one bullet list, and an ordered list for each first number in use. */
export const BULLET_LIST = 'bullet';
export const orderedList = (start: number): string => `ordered-${start}`;
/** The items (号) of a clause: (1) → ① → ア, as Japanese rules number them. */
export const itemsList = (start: number): string => `items-${start}`;

const BULLETS = ['・', '○', '■'] as const;

/** Japanese rulebooks count 1. → (1) → ① → ア; deeper levels repeat. */
const ORDERED: readonly { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: (n: number) => string }[] = [
  { format: LevelFormat.DECIMAL, text: (n) => `%${n}.` },
  { format: LevelFormat.DECIMAL, text: (n) => `(%${n})` },
  { format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: (n) => `%${n}` },
  { format: LevelFormat.AIUEO_FULL_WIDTH, text: (n) => `%${n}` },
];

const ITEMS: readonly { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: (n: number) => string }[] = ORDERED.slice(1);

/** Where level `level` puts its text; its number hangs one step to the left. */
export const listTextIndent = (level: number): number => LIST_STEP * (Math.min(level, MAX_LIST_LEVEL) + 1);

const levelIndent = (level: number) => ({ left: listTextIndent(level), hanging: LIST_STEP });

function levels(make: (level: number) => Omit<ILevelsOptions, 'level'>): ILevelsOptions[] {
  return Array.from({ length: MAX_LIST_LEVEL + 1 }, (_, level) => ({ level, ...make(level) }));
}

export function listNumbering(orderedStarts: readonly number[], itemStarts: readonly number[] = []): INumberingOptions {
  const bullet = {
    reference: BULLET_LIST,
    levels: levels((level) => ({
      format: LevelFormat.BULLET,
      text: BULLETS[level % BULLETS.length]!,
      alignment: AlignmentType.LEFT,
      // ○ and ■ at full size outweigh the text.
      style: { paragraph: { indent: levelIndent(level) }, ...(level % BULLETS.length ? { run: { size: SIZE.small } } : {}) },
    })),
  };
  const ordered = [...new Set(orderedStarts)]
    .sort((a, b) => a - b)
    .map((start) => ({
      reference: orderedList(start),
      levels: levels((level) => {
        const kind = ORDERED[level % ORDERED.length]!;
        return {
          format: kind.format,
          text: kind.text(level + 1),
          start,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: levelIndent(level) } },
        };
      }),
    }));
  const items = [...new Set(itemStarts)]
    .sort((a, b) => a - b)
    .map((start) => ({
      reference: itemsList(start),
      levels: levels((level) => {
        const kind = ITEMS[level % ITEMS.length]!;
        return {
          format: kind.format,
          text: kind.text(level + 1),
          start,
          alignment: AlignmentType.LEFT,
          // Items hang inside the clause: one character in from the clause's text.
          style: { paragraph: { indent: { left: listTextIndent(level) + CHAR, hanging: LIST_STEP } } },
        };
      }),
    }));
  return { config: [bullet, ...ordered, ...items] };
}
