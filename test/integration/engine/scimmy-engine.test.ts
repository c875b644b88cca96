import { startScimmyServer } from '../../peers/scimmy-server';
import { defineEngineScenarios } from './engine-scenarios';

defineEngineScenarios('scimmy (scimmy-routers on express)', () => startScimmyServer(), { groups: true });
