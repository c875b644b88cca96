/**
 * The sentences the engine writes into the provisioning log (steps, decisions, scope verdicts,
 * plan notes), each under a message code with named parameters. The log keeps the English text
 * (CSV exports, the CLI, `roster logs`) and the code with its parameters, so the app shows the
 * same sentence in the admin's language (renderer locales `logMessages.<code>`; a unit test checks
 * that every code has English and Korean).
 *
 * Templates use `{name}` placeholders, the syntax vue-i18n reads too, so the English catalogue of
 * the renderer is this table itself. A parameter may be another message (a decision's reason inside
 * a step), which is translated in turn.
 */

export const logMessageTemplates = {
  // ── import and scope ──
  importRead: 'Read from {source}',
  scopeNotAssignedUser: 'Not assigned to the job, directly or through an assigned group',
  scopeNotAssignedGroup: 'The group is not assigned to the job',
  scopeFilteredOut: 'Out of scope: {clauses}',
  scopeSoftDeleted: 'Soft-deleted in the source',
  scopeDisabled: 'Disabled in the source',
  scopeInAll: 'In scope (the job provisions everyone): {clauses}',
  scopeInAllNoFilters: 'In scope (the job provisions everyone); there are no scoping filters',
  scopeInAssigned: 'Assigned to the job and in scope: {clauses}',
  scopeInAssignedNoFilters: 'Assigned to the job; there are no scoping filters',
  scopeGone: 'Gone from the source',
  scopeFilterFailed: 'A scoping filter leaves it out: {detail}',
  // ── matching ──
  matchLinked: 'Linked to target object {targetId}',
  matchFound: 'Matched the target object {targetId} on {path} = "{value}"',
  matchDisputed: '{count} target objects have {path} = "{value}"; Roster never picks one itself',
  matchNone: 'No target object matches: a new one is created',
  matchNoAttributes: 'No matching attributes are configured: a new object is created',
  matchNoValue: 'Every matching attribute is empty for this object, so it cannot be matched safely',
  matchAfterConflict: 'The create was refused as a duplicate (409); {lookup}',
  matchRecoveredCreate: 'A create was sent before Roster was interrupted; a lookup found the new object',
  // ── processing ──
  processUnchanged: 'The target object already has every mapped value',
  processDiffer: '{count} attribute(s) differ',
  processCreateRequest: 'Built a create request with {count} attribute(s)',
  processRequiredMissing: 'Required target attributes have no value: {attributes}',
  processHeldBackDisable: 'Would disable: held back by the accidental-deletion threshold',
  processHeldBackDelete: 'Would delete: held back by the accidental-deletion threshold',
  processDeprovision: '{why}: {detail}',
  // ── references and memberships ──
  referenceResolved: '{attribute} → {name} ({targetId})',
  referenceMembership: 'Membership: add {add}, remove {remove}',
  /** A group's member count: the old value of its `members` change, and a plan line's note. */
  referenceMemberCount: '{count} member(s)',
  // ── export ──
  exportNothing: 'Nothing to change',
  exportUpdateOff: 'Update is turned off for this object mapping',
  exportUpdated: 'Updated {count} attribute(s) in {target}',
  exportCreated: 'Created in {target}',
  exportCreatedAnswerLost:
    'Created in {target}; the answer was lost ({error}), and a lookup found the new object',
  exportCreateResent: "The create's answer was lost and a lookup found nothing: sending it again",
  exportCreatedRecovered: 'Created in {target} (cycle {cycleId}, recorded after the interruption)',
  exportReferenceSet: 'Set {attribute} in {target}',
  exportMembershipUpdated: 'Membership updated in {target}',
  exportDeleted: 'Deleted in {target}',
  exportDisabled: 'Disabled in {target}',
  // ── decisions (the engine's decision table, src-main/engine/decide.ts) ──
  decideLookUp: 'Not linked yet: look for it in the target',
  decideOutOfScopeNever: 'Out of scope and never provisioned: nothing to do',
  decideLink: 'One target object matches: link it and update it',
  decideCreate: 'No target object matches: create one',
  decideCreateOff: 'Create is turned off for this object mapping',
  decideDisputed: 'Several target objects match; Roster never picks one itself',
  decideUnmatchable: 'Every matching attribute is empty, so it cannot be matched safely',
  decideUpdate: 'Linked: read it and send what differs',
  decideSkipOutOfScopeDeletions: 'skipOutOfScopeDeletions is on: the object is left as it is',
  decideDelete: 'Groups that leave scope are deleted; hard deletes are deleted when the job says so',
  decideDeleteOff: 'Delete is turned off for this object mapping',
  decideDeleteCannotDisable: 'The target cannot disable, and the job says delete',
  decideCannotDisable: 'The target cannot disable, and the job says disable: the account is left as it is',
  decideAlreadyDisabled: 'Already disabled in the target',
  decideNoSoftDeleteMapping: 'No mapping reads IsSoftDeleted, so Roster never disables',
  decideUpdateOffNoDisable: 'Update is turned off, and a disable is an update',
  decideDisable: 'Left scope or disabled in the source: disable it',
  // ── plan notes (dry runs) ──
  planLinkOnly: 'Links to the matching target object; no attribute differs',
  // ── errors (ErrorInformation.reason) ──
  errorSourceDisabled:
    'The object is disabled in the source and has never been provisioned, so it is not created.',
  errorRequiredMissing: 'The target requires {attributes}, and the mappings give no value (and no default).',
  errorOutOfScope: 'Out of scope: {why}',
  errorTooManyDeletes: '{count} disables and deletes are pending, over the threshold of {threshold}.',
  /**
   * A mapping fails for the object (ExpressionEvaluationFailed, a failed conversion): `{problem}` is the
   * expression's English, with its own code beside it (`problemCode` + `problem.<name>`, see
   * src-main/engine/mapping-failure.ts) so the app says it in the admin's language.
   */
  errorMappingFailed: '{attribute}: {problem}',
  planHeldBackDisable: 'Would disable; held back: {count} > threshold {threshold}',
  planHeldBackDelete: 'Would delete; held back: {count} > threshold {threshold}',
  // ── advice (ErrorInformation.recommendedAction: what the admin should do) ──
  adviceRequiredMissing: 'Give the mapping a default value, or fix the source data.',
  adviceEntryConflict:
    'Check the matching attributes: the target already has an object with one of these values.',
  adviceResetLink:
    'Reset the link of this object (or run `roster reset <job> --full`) so that Roster matches or creates it again.',
  adviceDuplicateTarget:
    'Make the matching attribute unique in the target, or change the matching attributes.',
  adviceTooManyDeletes:
    'Check why so many objects left scope. If it is intended, use "Allow deletes"; otherwise fix the cause and restart.',
  adviceAccountGone: 'Run account discovery again: the account is no longer in the target.',
  adviceCheckTargetAnswer: 'Check the target’s answer, then try again.',
} as const;

export type LogMessageCode = keyof typeof logMessageTemplates;
export const logMessageCodes = Object.keys(logMessageTemplates) as LogMessageCode[];

/** A parameter: a value, or another message translated in its place. */
export type LogMessageParam = string | number | LogMessage;

export interface LogMessage {
  code: LogMessageCode;
  params: Record<string, LogMessageParam>;
}

/** A message with its English text, as the engine writes it. */
export interface LogText extends LogMessage {
  text: string;
}

export function isLogText(value: unknown): value is LogText {
  return typeof value === 'object' && value !== null && 'code' in value && 'text' in value;
}

/** Fills a template's `{name}` placeholders; a message parameter is rendered with `render`. */
export function fillTemplate(
  template: string,
  params: Record<string, LogMessageParam>,
  render: (message: LogMessage) => string,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? render(value) : String(value);
  });
}

/** The English sentence of a message. */
export function englishOf(message: LogMessage): string {
  return fillTemplate(logMessageTemplates[message.code], message.params, englishOf);
}

/** A log sentence under its code: the English text to store, and what the app translates. */
export function say(code: LogMessageCode, params: Record<string, LogMessageParam> = {}): LogText {
  const message = { code, params };
  return { ...message, text: englishOf(message) };
}

/** The code and parameters of a sentence, without its English text (what a nested parameter keeps). */
export function messageOf(text: LogText): LogMessage {
  return { code: text.code, params: text.params };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Templates with words of their own (not only placeholders), most specific first. */
const parsers = logMessageCodes
  .filter((code) => /[a-z]{3}/i.test(logMessageTemplates[code].replace(/\{\w+\}/g, '')))
  .map((code) => {
    const names: string[] = [];
    const pattern = logMessageTemplates[code]
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return escapeRegExp(part);
        names.push(name);
        return '([\\s\\S]+?)';
      })
      .join('');
    return { code, names, regex: new RegExp(`^${pattern}$`), literal: logMessageTemplates[code].length };
  })
  .sort((a, b) => b.literal - a.literal);

/**
 * The message an English sentence was made from, when one template fits it — for text stored
 * without its code (plan notes, entries written before codes existed). Parameters come back as text.
 */
export function parseEnglish(text: string): LogMessage | null {
  for (const parser of parsers) {
    const match = parser.regex.exec(text);
    if (!match) continue;
    const params: Record<string, string> = {};
    parser.names.forEach((name, i) => (params[name] = match[i + 1] ?? ''));
    return { code: parser.code, params };
  }
  return null;
}
