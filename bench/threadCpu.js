/**
 * CPU time of the calling thread, in ms. The machine the bench runs on is shared (builds, mutation
 * tests): wall time there measures the neighbours as much as the code, so the targets about the
 * engine's work are judged on the CPU time of the thread doing it. On Linux that is the thread's
 * own time on a CPU, in nanoseconds (/proc/thread-self/schedstat, first field); elsewhere the
 * process's user + system time (process.cpuUsage), which also counts V8's helper threads (garbage
 * collection, compilation) and so errs on the slow side.
 */
const fs = require('fs');

let schedstat = true;

function threadCpuMs() {
  if (schedstat) {
    try {
      return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
    } catch {
      schedstat = false;
    }
  }
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** What threadCpuMs measures here, for the report. */
function threadCpuSource() {
  threadCpuMs();
  return schedstat ? 'the thread’s CPU time (/proc/thread-self/schedstat)' : 'the process’s CPU time (process.cpuUsage)';
}

module.exports = { threadCpuMs, threadCpuSource };
