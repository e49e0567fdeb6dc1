import { describe, expect, it } from 'vitest';
import { readPortSetting } from '../../../scripts/lib/read-port-setting.ts';

describe('readPortSetting', () => {
  it.each([
    [undefined, 4321],
    ['', 4321],
    ['4322', 4322],
    ['1', 1],
    ['65535', 65535],
  ])('PORT=%j gives %i', (value, port) => {
    expect(readPortSetting({ PORT: value }, 'PORT', 4321)).toBe(port);
  });

  it.each(['0', '65536', '80a', '-1', '4321.5', ' 4321', '123456'])('PORT=%j is refused, naming the variable', (value) => {
    expect(() => readPortSetting({ PORT: value }, 'PORT', 4321)).toThrow(`PORT must be a port number from 1 to 65535, not ${JSON.stringify(value)}.`);
  });
});
