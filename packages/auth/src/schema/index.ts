export { accessTokens, type AccessTokenRow } from "./access-tokens.js";
export { loginThrottles, type LoginThrottleRow } from "./login-throttles.js";
export { users, type UserRow } from "./users.js";
