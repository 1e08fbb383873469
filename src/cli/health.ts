import { health as healthOf } from './api.js';
import { defineCommand, EXIT } from './command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, clientFor, connection } from './connection.js';
import { printJson } from './output.js';

/** `kyx health`: Jumio's health status; exit 3 when it is not UP. */
export const health = defineCommand({
  name: 'health',
  summary: "print Jumio's health status (exit 3 when it is not UP)",
  usage: `Usage: kyx health [options]

Prints Jumio's health status as JSON (no authentication: the credentials are not needed).
Exit code 0 when the status is UP, 3 otherwise.

${CONNECTION_USAGE}`,
  options: CONNECTION_OPTIONS,
  args: [],
  run: async ({ values, io }) => {
    // the status host asks for no token: any credentials do, and none are sent
    const env = {
      ...io.env,
      JUMIO_CLIENT_ID: io.env?.['JUMIO_CLIENT_ID'] || 'unused',
      JUMIO_CLIENT_SECRET: io.env?.['JUMIO_CLIENT_SECRET'] || 'unused',
    };
    const status = await healthOf(clientFor(connection(values, { ...io, env })), io.signal);
    printJson(status, io);
    return status.status === 'UP' ? EXIT.ok : EXIT.failed;
  },
});
