import { RosterError } from '@shared/domain/errors';
import { sayError } from '@shared/domain/error-messages';
import { isConnectorError } from '../../connectors/connector';

/**
 * A connector's failure (an unreadable file, a refused bind, a 401) as an error the editor shows
 * beside the connection field, rather than as an "unexpected problem": it is the admin's to fix.
 */
export async function withConnectorErrors<T>(
  connectionName: string,
  field: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isConnectorError(error)) throw error;
    // The connector's own explanation has no code (it often quotes the server), so it stays as said.
    const said = sayError('connectorFailed', {
      connection: connectionName,
      problem: error.message,
      location: error.info.location ? ` (${error.info.location})` : '',
    });
    throw new RosterError('invalidInput', said.message, {
      issues: [{ path: field, message: said.message }],
      connectorCode: error.code,
      said: said.said,
    });
  }
}
