import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { appendFile, chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL cluster of this machine's own binaries, on its own port and in a temporary
 * folder, for tests that stop, crash or freeze the database — never the shared server. As root
 * (CI), initdb refuses to run, so the cluster runs as the `postgres` OS user through `runuser`.
 */
export interface ScratchCluster {
  url: string;
  port: number;
  /** Starts the server and waits until it accepts connections. */
  start(): Promise<void>;
  /** `pg_ctl stop -m immediate`: every backend dies at once, as in a crash; the next start recovers. */
  crash(): Promise<void>;
  /** SIGSTOP to the postmaster and all its processes: connections stay open and nothing answers, as in a network partition. */
  freeze(): Promise<void>;
  /** SIGCONT to every process `freeze` stopped. */
  thaw(): Promise<void>;
  /** Thaws, stops and deletes everything; safe to call in any state, and more than once. */
  destroy(): Promise<void>;
}

function hasInitdb(dir: string) {
  return existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'));
}

/** The folder holding initdb and pg_ctl: `pg_config --bindir`, else the newest /usr/lib/postgresql/<v>/bin. */
export function postgresBinDir(): string | undefined {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (hasInitdb(dir)) return dir;
  } catch {
    // no pg_config on the PATH; try the Debian layout below
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(root, v, 'bin')).find(hasInitdb);
}

const isRoot = () => process.getuid?.() === 0;

function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/** Why a scratch cluster cannot run here, or undefined when it can. */
export function scratchClusterUnavailable(): string | undefined {
  if (process.platform !== 'linux') return 'needs Linux (/proc, signals)';
  if (!postgresBinDir()) return 'no PostgreSQL server binaries (initdb, pg_ctl) found';
  if (isRoot() && !postgresUser()) return 'running as root but there is no postgres OS user to run the cluster as';
  if (isRoot() && !existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser')) return 'running as root without runuser';
  return undefined;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The ids of `parent`'s children, read from /proc. */
function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may contain spaces and parentheses, so split after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) children.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

export async function startScratchCluster(): Promise<ScratchCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('no PostgreSQL server binaries found');
  const dir = await mkdtemp(path.join(tmpdir(), 'pg-scratch-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'postgres.log');
  const owner = isRoot() ? postgresUser() : undefined;
  if (isRoot() && !owner) throw new Error('running as root but there is no postgres OS user');
  if (owner) await chown(dir, owner.uid, owner.gid);

  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C' };
  const asOwner = (tool: string, args: string[]) => {
    const file = path.join(bin, tool);
    return owner ? run('runuser', ['-u', 'postgres', '--', file, ...args], { cwd: dir, env }) : run(file, args, { cwd: dir, env });
  };

  const port = await freePort();
  await asOwner('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  await appendFile(
    path.join(data, 'postgresql.conf'),
    [
      '',
      '# scratch cluster for tests',
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      'max_connections = 40',
      'shared_buffers = 16MB',
      // A throwaway cluster: no durability needed, and crash recovery stays quick.
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      '',
    ].join('\n'),
  );

  let frozen: number[] = [];
  let postmaster: number | undefined;
  const readPostmaster = async () => Number((await readFile(path.join(data, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  // If the test process dies without its afterAll, the cluster must not stay frozen or running.
  const onExit = () => {
    for (const pid of [...frozen, ...(postmaster ? [postmaster] : [])]) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // gone already
      }
    }
    try {
      if (postmaster) process.kill(postmaster, 'SIGQUIT');
    } catch {
      // gone already
    }
  };
  process.once('exit', onExit);

  const cluster: ScratchCluster = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    async start() {
      await asOwner('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', 'start']);
      postmaster = await readPostmaster();
    },
    async crash() {
      await asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      postmaster = undefined;
    },
    async freeze() {
      if (!postmaster) throw new Error('the cluster is not running');
      // The postmaster first, so it forks nothing new while its children are being stopped.
      process.kill(postmaster, 'SIGSTOP');
      frozen = [postmaster];
      for (const child of childrenOf(postmaster)) {
        try {
          process.kill(child, 'SIGSTOP');
          frozen.push(child);
        } catch {
          // ended meanwhile
        }
      }
    },
    async thaw() {
      for (const pid of [...frozen].reverse()) {
        try {
          process.kill(pid, 'SIGCONT');
        } catch {
          // ended meanwhile
        }
      }
      frozen = [];
    },
    async destroy() {
      await cluster.thaw();
      if (existsSync(path.join(data, 'postmaster.pid'))) {
        await asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      }
      postmaster = undefined;
      process.off('exit', onExit);
      await rm(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}
