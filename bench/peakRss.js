/**
 * Preloaded (`node -r ./bench/peakRss.js …`) into a process `npm run bench` times: as the process
 * exits it writes its peak resident set size, as the kernel counted it (getrusage's maxrss, every
 * thread and every moment included, even inside a long synchronous call), to $BENCH_PEAK_FILE.
 */
const fs = require('fs');

process.on('exit', () => {
  if (process.env.BENCH_PEAK_FILE) fs.writeFileSync(process.env.BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS / 1024));
});
