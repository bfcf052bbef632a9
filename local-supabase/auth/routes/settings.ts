// GET /settings and GET /health: what GoTrue tells clients about this instance.
import { sendJson } from '../../http';
import type { AuthRoute } from '../route';

const PROVIDERS = [
  'anonymous_users',
  'apple',
  'azure',
  'bitbucket',
  'discord',
  'facebook',
  'snapchat',
  'figma',
  'fly',
  'github',
  'gitlab',
  'google',
  'keycloak',
  'kakao',
  'linkedin',
  'linkedin_oidc',
  'notion',
  'spotify',
  'slack',
  'slack_oidc',
  'workos',
  'twitch',
  'twitter',
  'email',
  'phone',
  'zoom',
];

export const settings: AuthRoute = async (r) => {
  // Email + password is the only way in; everything else is off, as on a fresh CLI project.
  const external = Object.fromEntries(PROVIDERS.map((p) => [p, p === 'email']));
  sendJson(r.res, 200, {
    external,
    disable_signup: !r.ctx.config.auth.enableSignup,
    mailer_autoconfirm: true,
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
    saml_private_key_next_configured: false,
    passkeys_enabled: false,
  });
};

export const health: AuthRoute = async (r) => {
  sendJson(r.res, 200, {
    version: 'local',
    name: 'GoTrue',
    description: 'GoTrue is a user registration and authentication API',
  });
};
