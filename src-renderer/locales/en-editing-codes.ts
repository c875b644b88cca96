/**
 * English texts of the message codes the app sends with job-editing results (merged into en.ts as
 * `editingCodes`): `ImpactItem.reasonCode` (with `reasonParams`) and the log step code
 * `details.messageCode`. The English sentence the app sends stays the fallback for a code not here.
 */
export const enEditingCodes = {
  /** A skip's reason after the scope verdict that led to it (the English the app sends reads so). */
  impactSkipDetail: '{detail}; {reason}',
  impact: {
    Create: 'Not linked yet: created',
    CreateUnlessMatched:
      'Not linked yet: created, unless a target object has {attribute} = “{value}” (then it is linked and updated)',
    Update: '{count} attribute(s) differ from what Roster last sent: {attributes}',
    Enable: 'Back in scope: enabled, and what differs is sent',
    Disable: 'Disabled: {detail}',
    Delete: 'Deleted in the target: {detail}',
    Unchanged: 'Every mapped value equals what Roster last sent',
    CaseOnlyDifference:
      '{attributes} differ(s) only by case; the target compares case-insensitively, so nothing is sent. Mark the attribute case-exact in the target attribute list to send it.',
    MappingFails: 'The mapping fails for this object, so the cycle would log a failure: {detail}',
    MandatoryFieldsMissing:
      'The target requires {attributes}, and the mappings give no value: the cycle would log a failure',
    DuplicateSourceEntries:
      'Another source object has the same matching value: neither is matched or created',
    Scope: {
      notAssigned: 'Not assigned to the job, directly or through an assigned group',
      // The detail names the filter and the clause that failed (as the log's scoping step does).
      filteredOut: '{detail}',
      disabledInSource: 'Disabled in the source',
      softDeletedInSource: 'Soft-deleted in the source',
      inScope: 'In scope',
      mappingOff: 'The object mapping for this type is off',
    },
    Skip: {
      OutOfScope: 'Out of scope and never provisioned: nothing to do',
      CreateDisabled: 'Create is turned off for this object mapping',
      UpdateDisabled: 'Attributes differ, but update is turned off for this object mapping',
      DeleteDisabled: 'Out of scope, but delete is turned off for this object mapping: left as it is',
      SkipOutOfScopeDeletions: 'Out of scope, but “skip out-of-scope deletions” is on: left as it is',
      TargetCannotDisable:
        'Out of scope, but the target cannot disable and the job says disable: left as it is',
      AlreadyDisabled: 'Out of scope and already disabled in the target',
      NoSoftDeleteMapping: 'Out of scope, but no mapping reads IsSoftDeleted, so Roster never disables it',
      ImportSkipped: 'Every matching attribute is empty, so it cannot be matched safely: skipped',
      DuplicateTargetEntries: 'Several target objects match; Roster never picks one itself',
      Skipped: 'Left as it is',
    },
  },
  log: {
    CaseOnlyDifference:
      '{attributes}: the value differs from the target’s only by case; the target compares case-insensitively, so nothing was sent. Mark the attribute case-exact in the target attribute list to send it.',
  },
};
