/**
 * Preloaded (`node -r ./bench/peakRss.js …`) into a process `npm run bench` times: as the process
 * exits it writes its peak resident set size, as the kernel counted it (getrusage's maxrss, every
 * thread and every moment included, even inside a long synchronous call), to $BENCH_PEAK_FILE, and
 * the main thread's CPU time.
 */
const fs = require('fs');
const { threadCpuMs } = require('./threadCpu');

// Also the main thread's CPU time, start to exit: what the process cost on a shared machine, where
// its wall time also counts the neighbours. (`peak MB` and `cpu ms` on one line.)
process.on('exit', () => {
  if (process.env.BENCH_PEAK_FILE) fs.writeFileSync(process.env.BENCH_PEAK_FILE, `${process.resourceUsage().maxRSS / 1024} ${threadCpuMs()}`);
});
