export { accessTokens, type AccessTokenRow } from "./access-tokens.js";
export { users, type UserRow } from "./users.js";
