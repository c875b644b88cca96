import { startScimmyServer } from '../../../peers/scimmy-server';
import { describeScimTarget } from './target-scenarios';

describeScimTarget({
  name: 'scimmy + scimmy-routers',
  // A small bulk.maxOperations, so discovery has something to lower the member chunk to.
  start: () => startScimmyServer({ bulkMaxOperations: 2 }),
  parsesEscapedQuotes: false,
  acceptsStringBooleans: false,
  discoveredMaxOperations: 2,
});
