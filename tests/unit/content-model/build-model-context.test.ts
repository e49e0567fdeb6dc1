import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModelContext } from '../../../src/lib/content-model/build-model-context.ts';
import { readSiteSettings } from '../../../src/lib/content-model/read-settings.ts';
import { PROJECT_ROOT } from '../../helpers/paths.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests', 'fixtures', 'content-with-orders');

describe('buildModelContext', () => {
  const settings = readSiteSettings(FIXTURE);
  const context = buildModelContext(FIXTURE, settings);

  it('takes the ceiling and the lists from the settings', () => {
    expect(context.orderCeilingHt).toBe(settings.order_ceiling_ht);
    expect(context.lists).toEqual({ sectors: settings.sectors, technologies: settings.technologies });
  });

  it('finds an upload in the uploads folder of that content folder only', () => {
    expect(context.mediaExists('/uploads/logo-atelier-test.png')).toBe(true);
    expect(context.mediaExists('/uploads/logo-absent.png')).toBe(false);
    expect(buildModelContext(join(PROJECT_ROOT, 'content'), settings).mediaExists('/uploads/logo-atelier-test.png')).toBe(false);
  });
});
