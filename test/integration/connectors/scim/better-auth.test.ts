import { startBetterAuthScimServer } from '../../../peers/better-auth-scim-server';
import { describeScimTarget } from './target-scenarios';

describeScimTarget({
  name: 'better-auth + @better-auth/scim',
  start: () => startBetterAuthScimServer(),
  parsesEscapedQuotes: true,
  acceptsStringBooleans: true,
  // bulk.maxOperations is 0 (no /Bulk), so the job's 100 stays.
  discoveredMaxOperations: 100,
});
