import type { JobRecord } from '../store/jobs-repo';
import type { SourceConnector, TargetConnector } from '../connectors/connector';

/**
 * How the engine gets connectors for a job. The app implements it (it owns the vault and the
 * connection profiles); the engine never looks up settings or secrets itself.
 */
export interface ConnectorFactory {
  open(
    job: JobRecord,
  ): Promise<{ source: SourceConnector; target: TargetConnector; sourceName: string; targetName: string }>;
}
