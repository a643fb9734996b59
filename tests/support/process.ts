import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Starts the server as a real process and resolves with its port: from its sources through tsx,
 * or `compiled`, the build in dist/server on plain node (what `npm start` runs).
 */
export function startServerProcess(
  env: Record<string, string>,
  how: { compiled?: boolean } = {},
): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  return new Promise((res, rej) => {
    const args = how.compiled ? ['dist/server/cli/start.js'] : ['--import', 'tsx', 'server/cli/start.ts'];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rej(new Error(`server did not start: ${out}`));
    }, 30_000);
    const onData = (d: Buffer) => {
      out += d;
      const m = /127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res({ child, port: Number(m[1]), output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`server exited (${code}): ${out}`));
    });
  });
}
