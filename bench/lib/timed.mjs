// Runs a native build step under GNU time (`/usr/bin/time -v`) to get its wall time and peak
// resident memory, with a time limit after which the whole process group is stopped.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GNU_TIME = "/usr/bin/time";

/** Runs argv; resolves to { ok, wallS, maxRssMB, stdout, stderr, reason }. Never rejects. */
export function timed(argv, { timeoutS = 600, cwd } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), "bench-time-"));
  const report = join(scratch, "time.txt");
  const haveTime = existsSync(GNU_TIME);
  const cmd = haveTime ? [GNU_TIME, "-v", "-o", report, ...argv] : argv;
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-4000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch (_) {
        // Already gone.
      }
    }, timeoutS * 1000);
    const finish = (code, error) => {
      clearTimeout(timer);
      const wallS = (performance.now() - started) / 1000;
      let maxRssMB = null;
      let measuredWallS = wallS;
      if (haveTime && existsSync(report)) {
        const text = readFileSync(report, "utf8");
        const rss = text.match(/Maximum resident set size \(kbytes\): (\d+)/);
        if (rss) maxRssMB = Number(rss[1]) / 1024;
        const wall = text.match(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/);
        if (wall) measuredWallS = wall[1].split(":").reduce((acc, part) => acc * 60 + Number(part), 0);
      }
      rmSync(scratch, { recursive: true, force: true });
      const ok = !timedOut && !error && code === 0;
      const reason = timedOut
        ? `stopped after the ${timeoutS} s limit`
        : error
          ? String(error.message)
          : code !== 0
            ? `exited ${code}: ${stderr.trim().split("\n").slice(-3).join(" / ")}`
            : undefined;
      resolve({ ok, wallS: measuredWallS, maxRssMB, stdout, stderr, reason });
    };
    child.on("error", (error) => finish(null, error));
    child.on("close", (code) => finish(code));
  });
}
