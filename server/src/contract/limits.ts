/** Limits shared by the server's validation and the client's forms. */
export const LIMITS = {
  passwordMin: 10,
  passwordMax: 256,
  emailMax: 254,
  nameMax: 100,
  avatarUrlMax: 2048,
  jsonBodyBytes: 1024 * 1024,
  csvBodyBytes: 20 * 1024 * 1024,
  pageDefault: 50,
  pageMax: 500,
} as const;
