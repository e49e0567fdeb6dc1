/** Every public form's definition, by name. */
import { candidature } from './candidature.ts';
import { demandeBonDeCommande } from './demande-bon-de-commande.ts';
import { engagementAcheteur } from './engagement-acheteur.ts';
import type { FormDefinition } from './form-definition.ts';
import type { FormName } from './form-names.ts';

export const FORM_DEFINITIONS: Readonly<Record<FormName, FormDefinition>> = {
  candidature,
  'demande-bon-de-commande': demandeBonDeCommande,
  'engagement-acheteur': engagementAcheteur,
};
