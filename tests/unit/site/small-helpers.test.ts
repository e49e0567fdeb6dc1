import { describe, expect, it } from 'vitest';
import { serializeJsonForHtml } from '../../../src/lib/site/serialize-json-for-html.ts';
import { buildOrderRequestHref } from '../../../src/lib/site/order-request-link.ts';
import { isPlaceholder, orderKindLabel } from '../../../src/lib/site/labels.ts';

describe('serializeJsonForHtml', () => {
  it('cannot close the script element', () => {
    const html = serializeJsonForHtml({ hint: '</script><script>alert(1)</script>' });
    expect(html).not.toContain('</script>');
    expect(JSON.parse(html)).toEqual({ hint: '</script><script>alert(1)</script>' });
  });
});

describe('buildOrderRequestHref', () => {
  it('leads to the order request form with the startup preselected', () => {
    expect(buildOrderRequestHref({ slug: 'echo-et-cie' })).toBe('/demander-un-bon-de-commande/?startup=echo-et-cie');
  });
});

describe('labels', () => {
  it.each([
    ['etude', 'Étude'],
    ['inconnu', 'inconnu'],
  ])('order kind %s → %s', (kind, label) => {
    expect(orderKindLabel(kind)).toBe(label);
  });

  it.each([
    ['à compléter', true],
    [' À compléter ', true],
    ['Netlify, Inc.', false],
  ])('%j is a placeholder: %s', (value, expected) => {
    expect(isPlaceholder(value)).toBe(expected);
  });
});
