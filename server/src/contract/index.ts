export * from './errors.js';
export * from './limits.js';
export * from './accounts.js';
export * from './health.js';
export * from './pagination.js';
export * from './realtime.js';
export * from './ptl.js';
export * from './nhs-number.js';
