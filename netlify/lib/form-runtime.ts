/**
 * Everything a form function needs at run time, built once per function
 * instance: site settings, the startups an order may name, the configuration,
 * the Blobs store and the e-mail sender. Local runs (`dev` deploy context)
 * re-read the content on each request so that edits show up without restart.
 */
import { getStore } from '@netlify/blobs';
import type { Context } from '@netlify/functions';
import { resolveContentRoot } from '../../src/lib/content-model/content-root.ts';
import { readSiteSettings } from '../../src/lib/content-model/read-settings.ts';
import { readOrderableStartups, type OrderableStartup } from '../../src/lib/content-model/read-orderable-startups.ts';
import { toModelContext } from '../../src/lib/content-model/schemas.ts';
import type { SiteSettings } from '../../src/lib/content-model/collections.ts';
import { composeSubmissionEmail } from '../../src/lib/email/compose-submission-email.ts';
import { createSendMail } from '../../src/lib/email/create-mail-transport.ts';
import { isLocalDeployContext, readFormsConfig, type FormsConfig } from '../../src/lib/forms/read-forms-config.ts';
import { rateLimitFromSettings } from '../../src/lib/forms/rate-limit.ts';
import { deriveClientKey } from '../../src/lib/forms/request/client-key.ts';
import type { FormDefinition, SubmissionDependencies } from '../../src/lib/forms/process-submission.ts';
import type { MessageSender } from '../../src/lib/forms/send-pending-messages.ts';
import type { JsonStore } from '../../src/lib/forms/submission-repository.ts';
import { createFormSchema, FORM_NAMES, recipientsOf, type FormContext, type FormData, type FormName } from '../../src/lib/forms/definitions/index.ts';
import { verifyTurnstileToken } from './verify-turnstile.ts';

/** The runtime of one deploy context. */
export interface FormRuntime {
  readonly settings: SiteSettings;
  readonly startups: readonly OrderableStartup[];
  readonly config: FormsConfig;
  readonly store: JsonStore;
  readonly send: MessageSender;
  readonly forms: { readonly [Name in FormName]: FormDefinition<FormData> };
}

let cached: Promise<FormRuntime> | undefined;

/**
 * `fetch` for the Blobs client that turns a 5xx answer into an error. The client
 * (`@netlify/blobs` 11) reports a conditional write (`onlyIfNew`, `onlyIfMatch`)
 * answered by anything but 412 as done, so a 500 from the store would pass for a
 * stored record and the visitor would get a reference for nothing (found by the
 * fault tests). An error is retried by the client, then thrown (503 for the visitor).
 */
const failOnServerError: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.status >= 500) throw new Error(`Netlify Blobs answered ${response.status}.`);
  return response;
};

/** Blobs store of the submissions (strong consistency: a resubmission must see the first one). */
export function submissionStore(): JsonStore {
  return getStore({ name: 'submissions', consistency: 'strong', fetch: failOnServerError });
}

async function buildRuntime(deployContext: string | undefined): Promise<FormRuntime> {
  const projectRoot = process.cwd();
  const contentRoot = resolveContentRoot(process.env, projectRoot);
  const settings = readSiteSettings(contentRoot);
  const config = readFormsConfig(process.env, deployContext, projectRoot, rateLimitFromSettings(settings));
  const modelContext = toModelContext(settings);
  const startups = await readOrderableStartups(contentRoot, modelContext);
  const startupsBySlug = new Map(startups.map((startup) => [startup.slug, startup]));
  const sendMail = createSendMail(config.mail);
  const emailContext = { from: config.from, teamAddress: settings.programme_contact_email, siteName: settings.site_name, siteUrl: settings.site_url };
  const send: MessageSender = (record, kind, to) => {
    const startupSlug = (record.data as { startup?: string }).startup;
    const startupName = startupSlug ? startupsBySlug.get(startupSlug)?.name : undefined;
    return sendMail(composeSubmissionEmail(record, kind, to, emailContext, startupName));
  };
  const formContext: FormContext = { ...modelContext.lists, orderCeilingHt: settings.order_ceiling_ht, startups, teamAddress: settings.programme_contact_email };
  return {
    settings,
    startups,
    config,
    store: submissionStore(),
    send,
    forms: Object.fromEntries(
      FORM_NAMES.map((name): [FormName, FormDefinition<FormData>] => [name, { name, schema: createFormSchema(name, formContext), recipients: (data) => recipientsOf(name, data, formContext) }]),
    ) as FormRuntime['forms'],
  };
}

/**
 * The runtime for a request's deploy context.
 * @throws FormsConfigurationError when a required variable is missing on a deployed site
 */
export function loadFormRuntime(context: Pick<Context, 'deploy'>): Promise<FormRuntime> {
  const deployContext = context.deploy.context;
  if (isLocalDeployContext(deployContext)) return buildRuntime(deployContext);
  cached ??= buildRuntime(deployContext).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/**
 * Dependencies of `processSubmission` for one request.
 * @param receivedAt when the request arrived: the fill time is measured to it,
 * not to the end of loading the runtime
 */
export function submissionDependencies(runtime: FormRuntime, context: Pick<Context, 'ip'>, receivedAt: Date): SubmissionDependencies {
  const clientKey = deriveClientKey(context.ip, runtime.config.signingSecret);
  return {
    store: runtime.store,
    config: runtime.config,
    send: runtime.send,
    clientKey,
    verifyTurnstile: (token) => verifyTurnstileToken(runtime.config.turnstile?.secretKey ?? '', token, context.ip),
    now: () => receivedAt,
    log: (entry) => console.log(JSON.stringify(entry)),
  };
}
