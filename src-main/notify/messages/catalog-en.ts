import type { AlertCatalog, ReasonText } from './catalog';

const escrowAction: ReasonText['action'] = () =>
  'Open the job’s provisioning log and filter on failures: the first errors usually name the attribute ' +
  'or the rule that rejects the accounts. Fix the mapping or the target app’s settings, then press Retry now on the job.';

/** English alerts: the reference catalogue. */
export const alertCatalogEn: AlertCatalog = {
  locale: 'en-GB',
  subject: {
    quarantineEntered: (w) => `Roster: ${w.job} is in quarantine (${w.reason})`,
    quarantineReasonChanged: (w) => `Roster: ${w.job} is still in quarantine, with a new reason: ${w.reason}`,
    recovered: (w) => `Roster: ${w.job} has recovered`,
    deletesHeldBack: (w) => `Roster: ${w.job} held back ${w.count} disables and deletes`,
    disabled: (w) => `Roster: ${w.job} is disabled after 28 days in quarantine`,
  },
  heading: {
    quarantineEntered: (w) => `${w.job} is in quarantine`,
    quarantineReasonChanged: (w) => `${w.job}: the quarantine reason changed`,
    recovered: (w) => `${w.job} has recovered`,
    deletesHeldBack: (w) => `${w.job}: ${w.count} disables and deletes held back`,
    disabled: (w) => `${w.job} is disabled`,
  },
  summary: {
    quarantineEntered: (w) =>
      `Roster has stopped provisioning from ${w.source} to ${w.target} and put the job ${w.job} in quarantine ` +
      `(${w.reason}). Until the cause is fixed it tries again only 6, 12 and 24 hours later, then once a day.`,
    quarantineReasonChanged: (w) =>
      `The job ${w.job} (${w.source} to ${w.target}) is still in quarantine, for a different reason now: ${w.reason}.`,
    recovered: (w) =>
      `The job ${w.job} has left quarantine: its last attempt passed the connection check and ended below every ` +
      `threshold. Provisioning from ${w.source} to ${w.target} runs on its normal schedule again.`,
    deletesHeldBack: (w) =>
      `A cycle of ${w.job} would have disabled or deleted ${w.count} accounts in ${w.target}, more than the ` +
      `job’s deletion threshold of ${w.threshold}. Roster carried out none of them and put the job in quarantine ` +
      `until someone decides.`,
    disabled: (w) =>
      `The job ${w.job} has been in quarantine for 28 days (${w.reason}), so Roster has stopped trying. Nothing is ` +
      `provisioned from ${w.source} to ${w.target} until an admin starts the job again.`,
  },
  reasons: {
    EncounteredQuarantineException: {
      short: 'the connection check failed',
      words:
        'The connection check at the start of the cycle failed: the target app rejected Roster’s credentials ' +
        '(HTTP 401 or 403), the URL is wrong, or the endpoint does not answer like a SCIM 2.0 service.',
      action: (w) =>
        `In Roster, open Connections, then ${w.target}: check the URL, replace the token or password if it ` +
        'expired, and press Test connection. When the test passes, press Retry now on the job.',
    },
    CredentialsInvalid: {
      short: 'credentials rejected',
      words:
        'The target app rejected Roster’s credentials (HTTP 401 or 403): the token or password is wrong, ' +
        'expired or revoked, or lacks the permission to provision.',
      action: (w) =>
        `Create a new token or password in ${w.target}, store it in Roster under Connections, then ${w.target}, ` +
        'and press Test connection. Then press Retry now on the job.',
    },
    TargetUnreachable: {
      short: 'target unreachable',
      words:
        'Roster could not reach the target app: the connection was refused or timed out, the host name did not ' +
        'resolve, or its certificate was not trusted.',
      action: (w) =>
        `Check that ${w.target} is up and that this computer can reach its URL (network, proxy, firewall, ` +
        'certificate). Roster keeps trying on its own; press Retry now once it is reachable.',
    },
    EscrowThreshold: {
      short: 'too many failures',
      words:
        'So many objects failed to provision that Roster stopped. This usually means a mapping, a required ' +
        'attribute or a rule in the target app rejects most accounts.',
      action: escrowAction,
    },
    EncounteredEscrowProportionThreshold: {
      short: 'too many failures (over 40%)',
      words:
        'At least 5,000 objects are failing, and they are more than 40% of the objects of this job. This ' +
        'usually means a mapping, a required attribute or a rule in the target app rejects most accounts.',
      action: escrowAction,
    },
    EncounteredBaseEscrowThreshold: {
      short: 'too many failures (over 40,000)',
      words:
        'More than 40,000 objects are failing to provision. This usually means a mapping, a required ' +
        'attribute or a rule in the target app rejects most accounts.',
      action: escrowAction,
    },
    EncounteredTotalEscrowThreshold: {
      short: 'too many failures (over 60,000 in all)',
      words:
        'More than 60,000 failures in all, counting failed references (managers and group members). Often ' +
        'the referenced people or groups are out of scope or were never created in the target app.',
      action: escrowAction,
    },
    TooManyDeletes: {
      short: 'too many deletes',
      words:
        'More accounts would be disabled or deleted in one cycle than the job’s deletion threshold allows, so ' +
        'Roster carried out none of them.',
      action: () =>
        'Open the job in Roster and review the held-back disables and deletes. If they are expected (a ' +
        'reorganisation, a clean-up), press Allow deletes. If not, correct the source (restore the rows or ' +
        'assignments, or fix the scope) and press Restart: the held-back set is discarded and everything is ' +
        'evaluated again.',
    },
  },
  unknownReason: (code) => ({
    short: code,
    words: `Roster stopped the job with the reason code ${code}.`,
    action: () =>
      'Open the job in Roster: the last cycle shows the error, and the provisioning log the objects it ' +
      'concerns. Fix the cause, then press Retry now.',
  }),
  actions: {
    recovered:
      'Nothing to do. Objects that failed while the job was in quarantine are retried in the next cycles; ' +
      'the provisioning log shows them.',
    disabled: (reasonAction) => `${reasonAction} Then open the job in Roster and press Start.`,
  },
  labels: {
    job: 'Job',
    source: 'Source',
    target: 'Target app',
    reason: 'Reason',
    recoveredFrom: 'Was in quarantine for',
    detail: 'What Roster saw',
    heldBack: 'Disables and deletes held back',
    threshold: 'Deletion threshold',
    failed: 'Objects failing',
    referenceFailed: 'References failing',
    succeeded: 'Objects in step',
    quarantineBegan: 'In quarantine since',
    nextAttempt: 'Next attempt',
    nextCycle: 'Next cycle',
    at: 'Time',
    whatToDo: 'What to do',
  },
  nextAttempt: {
    notScheduled: 'Not scheduled: press Retry now on the job once the cause is fixed',
    heldBack: 'Nothing is disabled or deleted until someone allows it or restarts the job',
    disabled: 'None: the job is disabled',
  },
  footer:
    'Sent by Roster because this address is the notification email of the job. Change it, or turn ' +
    'notifications off, in the job’s settings.',
  test: {
    subject: 'Roster: test email',
    heading: 'Roster can send email',
    body: (server) =>
      `This is a test from Roster, sent through ${server}. Alerts about jobs in quarantine, held-back ` +
      'deletes, recoveries and disabled jobs will arrive the same way.',
  },
};
