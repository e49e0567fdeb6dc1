/** The buyer's commitment form (`/s-engager/`) as a person fills it, for the browser tests. */
import type { Page } from 'playwright-core';

/** A buyer's commitment to the charter as a person types it. */
export const COMMITMENT = {
  organisation: 'Fonderie de Testheim',
  buyer_kind: 'PME ou ETI',
  siret: '732 829 320 00074',
  contact_name: 'Marc Weber',
  role: 'Directeur des achats',
  email: 'achats@fonderie-testheim.fr',
  phone: '03 89 12 34 56',
  signing_date: `${new Date().getFullYear() + 1}-01-20`,
} as const;

/** Fill every field of the commitment form open in `page` with `COMMITMENT`, consent included. */
export async function fillCommitment(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: /^Organisation/ }).fill(COMMITMENT.organisation);
  await page.getByLabel('Type d’acheteur').selectOption({ label: COMMITMENT.buyer_kind });
  await page.getByLabel('Numéro SIRET').fill(COMMITMENT.siret);
  await page.getByLabel('Nom du contact').fill(COMMITMENT.contact_name);
  await page.getByLabel('Fonction').fill(COMMITMENT.role);
  await page.getByLabel('Adresse e-mail').fill(COMMITMENT.email);
  await page.getByLabel('Téléphone').fill(COMMITMENT.phone);
  await page.getByLabel('Date de signature souhaitée').fill(COMMITMENT.signing_date);
  await page.getByLabel(/^J’accepte que ces informations/).check();
}
