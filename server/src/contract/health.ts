/**
 * `GET /api/health`: which component serves each part, and whether the database answers. `200`
 * with `status: 'ok'` when it does; `503` with `status: 'unavailable'` and `db_status: 'down'` when
 * it did not answer within the health check's time limit (so a load balancer can take this
 * instance out of rotation).
 */
export interface HealthResponse {
  status: 'ok' | 'unavailable';
  db: 'pglite' | 'postgres';
  db_status: 'up' | 'down';
  storage: 'local' | 'supabase';
  video: 'livekit' | 'p2p';
  realtime: 'memory' | 'redis';
}
