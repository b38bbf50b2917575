import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

/**
 * PGlite has no multi-process lock and two processes on one data dir corrupt it (stack.md §8), so each
 * process that opens the dir holds `<dir>.lock` with its pid. A second one is refused with a clear message;
 * a lock left by a dead process is taken over.
 */
export function acquireDirLock(dir: string): { ok: true; release: () => void } | { ok: false; pid: number } {
  const lockPath = `${dir}.lock`;
  if (existsSync(lockPath)) {
    const pid = Number(readFileSync(lockPath, "utf8").trim());
    if (pid && pid !== process.pid && isAlive(pid)) return { ok: false, pid };
    rmSync(lockPath, { force: true });
  }
  const fd = openSync(lockPath, "wx");
  writeSync(fd, String(process.pid));
  closeSync(fd);
  const release = () => {
    try {
      if (readFileSync(lockPath, "utf8").trim() === String(process.pid)) rmSync(lockPath, { force: true });
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return { ok: true, release };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
