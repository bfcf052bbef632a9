// PLACEHOLDER — replaced by the PostgREST-compatible implementation.
import type { ServiceFactory } from '../context';
import { sendJson } from '../http';

export const createRestService: ServiceFactory = () => ({
  prefix: '/rest/v1',
  requiresApiKey: true,
  async handle(_req, res) {
    sendJson(res, 501, { code: 'PGRST000', message: 'REST not implemented yet', details: null, hint: null });
  },
});
