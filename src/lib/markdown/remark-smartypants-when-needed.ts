/**
 * Remark plugin: SmartyPants typography (`remark-smartypants`, the plugin Astro
 * runs by default, with the same defaults — straight quotes → “ ” ‘ ’, `--` → —,
 * `...` and `. . .` → …, ``` ``x'' ``` → “x”), run only on documents whose text
 * holds a character it could change. SmartyPants parses every text node with
 * retext, which cost 5 % of a build at 1 000 startups (issue 13) though most
 * profiles contain no straight quote, double dash, backtick or run of dots; for
 * those the plugin would return the tree unchanged, so skipping it changes
 * nothing. Use it with `unified({ smartypants: false, remarkPlugins: [remarkSmartypantsWhenNeeded] })`
 * (first among the remark plugins, where Astro puts its own).
 */
import type { Nodes, Root } from 'mdast';
import remarkSmartypants from 'remark-smartypants';

/**
 * Characters SmartyPants acts on (retext-smartypants 6, default options): a
 * straight quote or backtick, two dashes, two dots with only white space between.
 */
const TYPOGRAPHY_TRIGGER = /["'`]|--|\.\s*\./u;

function collectText(node: Nodes, parts: string[]): void {
  if (node.type === 'text') parts.push(node.value);
  if ('children' in node) for (const child of node.children) collectText(child, parts);
}

/**
 * Whether SmartyPants could change the document: its text nodes, read end to
 * end, contain a {@link TYPOGRAPHY_TRIGGER} (joining them may find a trigger
 * across two blocks that SmartyPants would not act on: that only runs it for nothing).
 * @param tree the Markdown syntax tree (mdast)
 */
export function needsSmartypants(tree: Root): boolean {
  const parts: string[] = [];
  collectText(tree, parts);
  return TYPOGRAPHY_TRIGGER.test(parts.join(''));
}

/**
 * `remark-smartypants` is typed as a unified plugin (called with the processor
 * as `this`, returning a transformer of three arguments); its code uses neither
 * and returns a function that changes the tree in place.
 */
const createSmartypants = remarkSmartypants as unknown as () => (tree: Root) => void;

/** The plugin (no options: SmartyPants' defaults, as Astro uses them). */
export function remarkSmartypantsWhenNeeded() {
  const smartypants = createSmartypants();
  return (tree: Root): void => {
    if (needsSmartypants(tree)) smartypants(tree);
  };
}
