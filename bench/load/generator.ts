// The load generator, run in its own process so that it never shares an event loop with the server
// it measures: `tsx bench/load/generator.ts <url> <connections> <seconds> [bearer token]` prints
// autocannon's figures as one JSON line. Keep-alive connections, one request in flight on each.
import autocannon from 'autocannon';

const [url, connections, seconds, token] = process.argv.slice(2);
if (!url || !connections || !seconds) {
  console.error('usage: generator.ts <url> <connections> <seconds>');
  process.exit(2);
}

const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  pipelining: 1,
  ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
});
process.stdout.write(
  `${JSON.stringify({
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bytes: result.throughput.total,
  })}\n`,
);
