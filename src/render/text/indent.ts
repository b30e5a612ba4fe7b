/**
 * 段落の字下げ, shared by the writers so that PDF and Word agree: a body paragraph, and each line
 * after a line break in it (the sample's separate paragraphs), begins one character in, except a
 * line that opens with a note mark (※…, 注：…), which stays at the margin.
 */
const UNINDENTED = new Set(['※', '＊', '*', '注']);

/** Whether a line whose first character is `first` takes the paragraph indent. */
export const takesIndent = (first: string | undefined): boolean => !UNINDENTED.has(first ?? '');
