import { startBetterAuthScimServer } from '../../peers/better-auth-scim-server';
import { defineEngineScenarios } from './engine-scenarios';

defineEngineScenarios('better-auth’s SCIM plugin', () => startBetterAuthScimServer(), { groups: true });
