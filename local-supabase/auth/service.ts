// PLACEHOLDER — replaced by the GoTrue-compatible implementation.
import type { ServiceFactory } from '../context';
import { sendJson } from '../http';

export const createAuthService: ServiceFactory = () => ({
  prefix: '/auth/v1',
  requiresApiKey: true,
  async handle(_req, res) {
    sendJson(res, 501, { code: 501, error_code: 'not_implemented', msg: 'Auth not implemented yet' });
  },
});
