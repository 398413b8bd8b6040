export interface HealthResponse {
  status: 'ok';
  db: 'pglite' | 'postgres';
  storage: 'local' | 'supabase';
  video: 'livekit' | 'p2p';
  realtime: 'memory' | 'redis';
}
