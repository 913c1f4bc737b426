export { accessTokens, type AccessTokenRow } from "./access-tokens.js";
export { AUTH_EVENT_TYPES, authEvents, type AuthEventRow, type AuthEventType } from "./auth-events.js";
export { loginThrottles, type LoginThrottleRow } from "./login-throttles.js";
export { users, type UserRow } from "./users.js";
