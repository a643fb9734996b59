import { spawn } from 'node:child_process';

/**
 * The coding figures (./coding.ts) in a process of their own, so the report figures' heap and
 * columns before them weigh nothing on these; its lines go straight to this output.
 */
export function codingFigures(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/coding.ts'], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench/coding.ts exited ${code}`))));
  });
}
