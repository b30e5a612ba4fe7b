/**
 * The document model: the only thing writers see.
 *
 * One readonly union keyed on `type`, in the spirit of mdast. Templates are parsed into it,
 * transforms (numbering, cross-references, checks) return new trees, and each writer has one
 * handler per node type (`Record<Node['type'], Handler>`), so adding a node type here makes the
 * compiler point at every writer that must learn it.
 */

/**
 * Plain text, exactly as typed. A "\n" is a line break inside the paragraph or cell, whether the
 * template or a user value put it there: writers split on it.
 */
export interface Text {
  readonly type: 'text';
  readonly value: string;
}

export interface Strong {
  readonly type: 'strong';
  readonly children: readonly Inline[];
}

export interface Link {
  readonly type: 'link';
  readonly url: string;
  readonly children: readonly Inline[];
}

/**
 * A reference to a section by its stable id. The parser leaves `text` empty; the cross-reference
 * transform fills it with the current numbers, e.g. 「4.技術的対策」の「1.2 利用者認証方法」.
 */
export interface CrossReference {
  readonly type: 'xref';
  readonly target: string;
  readonly text: string;
}

/**
 * A value the organization has not filled in yet. Only ever reaches a writer in a draft build,
 * where it is shown as 【要記入：question】.
 */
export interface Gap {
  readonly type: 'gap';
  /** Dotted answers key, e.g. `incident.contacts.0.phone`. */
  readonly key: string;
  /** What to fill in, in Japanese. */
  readonly question: string;
}

/**
 * Words marked as changed in a comparison table (新旧対照表): the amended words in the 改正後 column
 * and the words they replace in the 改正前 column. Writers underline them (the PDF also sets them bold).
 */
export interface Changed {
  readonly type: 'changed';
  readonly children: readonly Inline[];
}

export type Inline = Text | Strong | Link | CrossReference | Gap | Changed;

export interface Paragraph {
  readonly type: 'paragraph';
  readonly children: readonly Inline[];
}

/**
 * A run-in sub-heading of the sample's 「＜ウイルス感染時の初期対応＞」 kind: a paragraph that is only a
 * bracketed label. Not numbered and not in the table of contents, but a heading all the same: it is
 * set apart from the body and kept on the page of what it introduces. The text keeps its brackets.
 */
export interface Label {
  readonly type: 'label';
  readonly children: readonly Inline[];
}

export interface List {
  readonly type: 'list';
  readonly ordered: boolean;
  /** First number of an ordered list. */
  readonly start: number;
  readonly children: readonly ListItem[];
}

export interface ListItem {
  readonly type: 'listItem';
  readonly children: readonly Block[];
}

export interface TableColumn {
  /** Relative width; writers scale the columns to the text width. */
  readonly width: number;
}

export interface Table {
  readonly type: 'table';
  readonly columns: readonly TableColumn[];
  /** How many leading rows are header rows (repeated on each page). */
  readonly headerRows: number;
  /** The first column labels its row (shaded like a header). */
  readonly headerColumn: boolean;
  /**
   * `checklist`: a printable form, the last column is an empty answer box. `comparison`: a 新旧対照表,
   * each row a whole section in each column, so a row breaks across pages rather than leave one half empty.
   */
  readonly variant: 'default' | 'checklist' | 'comparison';
  readonly children: readonly TableRow[];
}

export interface TableRow {
  readonly type: 'tableRow';
  readonly children: readonly TableCell[];
}

/**
 * A cell holds blocks (several paragraphs, lists). A cell covered by a row span of the cell above
 * is not present in its row: writers place cells by walking spans, as in HTML.
 */
export interface TableCell {
  readonly type: 'tableCell';
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly children: readonly Block[];
}

/** A boxed note, set apart from the rules around it. */
export interface Note {
  readonly type: 'note';
  readonly children: readonly Block[];
}

/** A box of the 情報セキュリティ委員会体制図: first line is the role, the rest are titles. */
export interface ChartBox {
  readonly type: 'chartBox';
  readonly lines: readonly (readonly Inline[])[];
  readonly children: readonly ChartBox[];
}

/** The committee chart: a tree of boxes drawn with connecting lines. */
export interface Chart {
  readonly type: 'chart';
  readonly title: string;
  readonly root: ChartBox;
}

/**
 * A paragraph (項) of an article. The first is unnumbered (`number` ''), the following are ２, ３ …
 * (full-width, as printed). Lists inside a clause are its items (号), numbered (1), (2) …
 */
export interface Clause {
  readonly type: 'clause';
  readonly number: string;
  readonly children: readonly Block[];
}

/** One labelled box of a form, filled in by hand: 会社名, 確認日 (with 年　月　日 printed in it). */
export interface Field {
  readonly type: 'field';
  readonly label: readonly Inline[];
  /** Text printed inside the box (年　　月　　日), usually empty. */
  readonly hint: readonly Inline[];
  /** A box to stamp (its hint is 「印」): tall enough for a seal. */
  readonly seal: boolean;
}

/** The fields of a form, in one group: 会社名・確認者・確認日. */
export interface Fields {
  readonly type: 'fields';
  readonly children: readonly Field[];
}

/** The closing of a public statement, set flush right: date, organization, signatory. */
export interface Signature {
  readonly type: 'signature';
  readonly lines: readonly (readonly Inline[])[];
}

/** The closing mark of a book of rules, 「以上」: set flush right under its last line. */
export interface Closing {
  readonly type: 'closing';
  readonly text: string;
}

/**
 * One document inside the combined pack (配布用): it starts on a new page under its own title and
 * is a top-level entry of the pack's table of contents. Its sections keep their numbers.
 */
export interface Part {
  readonly type: 'part';
  /** The document's id (a cross-reference target). */
  readonly id: string;
  /** '' for a main part; 付録1, 付録2 … for an appendix. */
  readonly number: string;
  readonly title: string;
  /** The classification label the document carries on its own. */
  readonly classification: string;
  readonly orientation: Orientation;
  readonly children: readonly Block[];
}

export type Orientation = 'portrait' | 'landscape';

/** How a heading is numbered: 1. / 1.2 (decimal), 第1条（見出し）/ 第1章 (article), or not at all (附則). */
export type Numbering = 'decimal' | 'article' | 'none';

/** A hint that what follows should start on a new page. */
export interface PageBreak {
  readonly type: 'pageBreak';
}

/**
 * A numbered section. Levels start at 1 inside a chapter: level 1 is 「1. …」, level 2 「1.2 …」.
 * An annex (the sample's 「8-1」 checklist) is numbered after the level-1 section before it. In a
 * document of articles, a level-1 section is an article 「第5条（再委託）」 whose children are
 * clauses; `numbering: 'none'` is a heading without a number (附則).
 */
export interface Section {
  readonly type: 'section';
  readonly id: string;
  readonly level: number;
  readonly annex: boolean;
  readonly numbering: Numbering;
  /** Filled by the numbering transform: `6`, `6.2`, `2.1.4.1`, `8-1`; for an article `5` (第5条); '' when not numbered. */
  readonly number: string;
  readonly title: readonly Inline[];
  readonly children: readonly Block[];
}

/**
 * A chapter of a document: 「1. 組織的対策」 opened by the sample's header table (`decimal`),
 * 「第1章 総則」 over articles numbered through the whole document (`article`, no header table), or
 * a heading without a number (`none`: the 附則 after the chapters of a set of rules).
 */
export interface Chapter {
  readonly type: 'chapter';
  readonly id: string;
  readonly numbering: Numbering;
  /** Filled by the numbering transform. */
  readonly number: string;
  readonly title: string;
  /** 改訂日 in the header table as printed, e.g. 2026年4月1日 or 令和8年4月1日 (decimal chapters only; '' otherwise). */
  readonly revised: string;
  /** 適用範囲 in the header table (decimal chapters only; empty otherwise). */
  readonly scope: readonly Inline[];
  readonly children: readonly Block[];
}

export type Block = Paragraph | Label | List | Table | Note | Chart | PageBreak | Section | Chapter | Clause | Fields | Signature | Closing | Part;

export interface DocumentMeta {
  /** The document's own name, e.g. 情報セキュリティ関連規程. */
  readonly title: string;
  readonly organization: string;
  readonly version: string;
  /** 施行日 / 制定日, ISO date from the answers (never the clock), or the gap's text: for document properties. */
  readonly effectiveDate: string;
  /** The same date as printed, in the answers' date style: 2026年4月1日 / 令和8年4月1日. */
  readonly effectiveDateText: string;
  readonly approver: string;
  /** The classification label the document itself carries, e.g. 社外秘. */
  readonly classification: string;
  readonly revisions: readonly Revision[];
  /** Body and heading font families, for writers that embed or name fonts. */
  readonly fonts: { readonly body: string; readonly heading: string };
  /**
   * `cover`: a cover page (title, organization, version, date, approver, classification), the
   * revision history and a table of contents before the body (the rulebook, the pack); `title`: the
   * title on top of the first page and the body right under it (a policy, rules, a form).
   */
  readonly front: 'cover' | 'title';
  readonly orientation: Orientation;
  /**
   * Values are still unfilled: the document is a draft, not the adopted text. Writers say so where
   * a reader cannot miss it (cover, running header, top of the first page); the file name too.
   */
  readonly draft?: true;
}

export interface Revision {
  readonly version: string;
  /** ISO date (or the gap's text), for document properties. */
  readonly date: string;
  /** The date as printed, in the answers' date style. */
  readonly dateText: string;
  readonly description: string;
}

export interface Document {
  readonly type: 'document';
  /** Stable id of the document kind, also its file stem: `rulebook`. */
  readonly id: string;
  readonly meta: DocumentMeta;
  readonly children: readonly Block[];
}

export type Node = Document | Block | Inline | ListItem | TableRow | TableCell | ChartBox | Field;
export type NodeType = Node['type'];
