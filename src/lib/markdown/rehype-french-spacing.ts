/**
 * Rehype plugin applying French spacing (see `format/french-spacing.ts`) to the
 * text of rendered Markdown, leaving code and preformatted text alone.
 */
import { applyFrenchSpacing } from '../format/french-spacing.ts';

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  children?: HastNode[];
}

const UNTOUCHED_ELEMENTS = new Set(['code', 'pre', 'script', 'style']);

function visit(node: HastNode): void {
  if (node.type === 'text' && node.value !== undefined) {
    node.value = applyFrenchSpacing(node.value);
    return;
  }
  if (node.type === 'element' && node.tagName !== undefined && UNTOUCHED_ELEMENTS.has(node.tagName)) return;
  node.children?.forEach(visit);
}

/** The plugin: `markdown.rehypePlugins: [rehypeFrenchSpacing]`. */
export function rehypeFrenchSpacing() {
  return (tree: HastNode): void => visit(tree);
}
