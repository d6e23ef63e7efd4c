// A progress bar with rate and ETA, drawn on stderr only when it is a terminal;
// in pipes and CI nothing is drawn and nothing slows down.
import cliProgress from "cli-progress";

export interface Progress {
  /** Input bytes consumed (drives percentage and ETA when the total is known). */
  addBytes(bytes: number): void;
  /** One more article handled. */
  tick(): void;
  stop(): void;
}

const SILENT: Progress = { addBytes() {}, tick() {}, stop() {} };

export function createProgress(totalBytes: number | null, enabled = Boolean(process.stderr.isTTY)): Progress {
  if (!enabled) return SILENT;
  const started = Date.now();
  let articles = 0;
  let bytes = 0;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: totalBytes
        ? "{bar} {percentage}% | {articles} articles | {rate} articles/s | {mbps} MB/s | ETA {eta_formatted}"
        : "{articles} articles | {rate} articles/s | {mbps} MB/s | {duration_formatted}",
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(totalBytes ?? 1, 0, { articles: 0, rate: "0", mbps: "0.00" });
  const payload = () => {
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    return { articles, rate: (articles / seconds).toFixed(0), mbps: (bytes / 1e6 / seconds).toFixed(2) };
  };
  return {
    addBytes(n) {
      bytes += n;
      if (totalBytes) bar.update(Math.min(bytes, totalBytes), payload());
    },
    tick() {
      articles++;
      bar.update(totalBytes ? Math.min(bytes, totalBytes) : 0, payload());
    },
    stop() {
      bar.update(totalBytes ?? 1, payload());
      bar.stop();
    },
  };
}
