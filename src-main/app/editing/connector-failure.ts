import { RosterError } from '@shared/domain/errors';
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
    const where = error.info.location ? ` (${error.info.location})` : '';
    const message = `${connectionName}: ${error.message}${where}`;
    throw new RosterError('invalidInput', message, {
      issues: [{ path: field, message }],
      connectorCode: error.code,
    });
  }
}
