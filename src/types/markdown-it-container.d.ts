// markdown-it-container ships no types; this is the part kitei uses.
declare module 'markdown-it-container' {
  import type { MarkdownIt } from 'markdown-it';

  export interface ContainerOptions {
    /** Whether the text after the opening colons starts a container of this name. */
    validate?(params: string, markup: string): boolean;
    marker?: string;
  }

  export default function container(md: MarkdownIt, name: string, options?: ContainerOptions): void;
}
