/** Who receives a submission's e-mails and who sent it, derived from the form's definition. */
import { fieldsOf, type FormContext, type FormData, type FormDefinition, type MessageKind } from './form-definition.ts';
import type { FormName } from './form-names.ts';
import { FORM_DEFINITIONS } from './forms.ts';

function text(data: FormData, field: string): string {
  const value = data[field];
  return typeof value === 'string' ? value : '';
}

/** The recipients of a definition (also for a definition a test extends). */
export function recipientsOfDefinition(definition: FormDefinition, data: FormData, context: Pick<FormContext, 'startups' | 'teamAddress'>): { kind: MessageKind; to: string }[] {
  const startupField = fieldsOf(definition).find((field) => field.options === 'startups');
  return definition.recipients.flatMap((kind): { kind: MessageKind; to: string }[] => {
    switch (kind) {
      case 'team':
        return [{ kind, to: context.teamAddress }];
      case 'startup': {
        const slug = startupField ? text(data, startupField.name) : '';
        const startup = context.startups.find((candidate) => candidate.slug === slug);
        return startup ? [{ kind, to: startup.orderContactEmail }] : [];
      }
      case 'confirmation':
        return [{ kind, to: text(data, definition.submitter.address) }];
    }
  });
}

/**
 * The e-mails of a valid submission, in sending order: the team always, the
 * startup an order request names (its private order contact; none without a
 * preference), and the confirmation to the submitter.
 */
export function recipientsOf(form: FormName, data: FormData, context: Pick<FormContext, 'startups' | 'teamAddress'>): { kind: MessageKind; to: string }[] {
  return recipientsOfDefinition(FORM_DEFINITIONS[form], data, context);
}

/** The submitter's name and address (Reply-To of the team's e-mails). */
export function submitterOf(form: FormName, data: FormData): { name: string; address: string } {
  const { submitter } = FORM_DEFINITIONS[form];
  return { name: text(data, submitter.name), address: text(data, submitter.address) };
}

/** The company (application) or organisation (buyer) name, for lists and e-mail subjects. */
export function organisationOf(form: FormName, data: FormData): string {
  return text(data, FORM_DEFINITIONS[form].submitter.organisation);
}
