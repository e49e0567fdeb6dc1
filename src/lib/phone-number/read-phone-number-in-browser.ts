/**
 * What `#phone-rule` is in the browser (package.json `imports`, `browser`
 * condition): the shape check, without the numbering-plan metadata that the
 * functions' `read-phone-number.ts` loads.
 */
export { readPhoneShape as readPhoneNumber } from './phone-shape.ts';
