// The auth module's front door: other modules and the app wiring import only from here.
export { registerAuthRoutes, setSessionCookie } from './auth.routes';
export {
  type AuthService,
  type AuthUser,
  createAuthService,
  createUserRow,
  toAuthUser,
} from './auth.service';
export { hashPassword, verifyPassword } from './passwords';
export { createSessionsStore } from './sessions.store';
