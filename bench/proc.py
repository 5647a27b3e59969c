"""Whole-process timing shared by the benchmarks of bench/.

measure(cmd) runs a command as a child process and returns its CPU time (user +
system of the process and of every child it waited for, from wait4's rusage:
interpreter start-up, imports, loading and writing included), its wall time, its
peak resident memory and the load average (1 min) when it started.  CPU time is the
primary figure on the shared machine; wall time is given beside it.

Run the benchmark scripts under `flock /work/coord/bench.lock` (one timing at a
time on the machine), at normal priority.
"""
import os
import resource
import statistics
import subprocess
import tempfile
import time

# Peers run on one thread: NumPy/SciPy's BLAS (NetworkX's eigenvector solver) would
# otherwise start a thread per core.  python-igraph, NetworkX and R sna are
# single-threaded themselves.
SINGLE_THREAD_ENV = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1",
                         GOTO_NUM_THREADS="1")


class Run:
    def __init__(self, cpu, user, sys_, wall, peak_mb, load, stdout, stderr, returncode):
        self.cpu, self.user, self.sys, self.wall = cpu, user, sys_, wall
        self.peak_mb, self.load, self.stdout, self.stderr, self.returncode = peak_mb, load, stdout, stderr, returncode

    def __repr__(self):
        return "CPU %.3f s, wall %.3f s, peak %.0f MB, load %.1f" % (self.cpu, self.wall, self.peak_mb, self.load)


def measure(cmd, cwd=None, env=None, cpu_limit=None, check=True):
    """Run cmd (a list) to completion and return a Run.  cpu_limit (seconds of CPU)
    stops the process (RLIMIT_CPU: SIGXCPU, then SIGKILL) so a bounded run cannot
    overrun; such a run has a negative returncode."""
    def limit():
        if cpu_limit:
            resource.setrlimit(resource.RLIMIT_CPU, (int(cpu_limit), int(cpu_limit) + 5))
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        load = os.getloadavg()[0]
        t = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err, preexec_fn=limit)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if check and p.returncode != 0:
        raise subprocess.CalledProcessError(p.returncode, cmd, stdout, stderr)
    return Run(ru.ru_utime + ru.ru_stime, ru.ru_utime, ru.ru_stime, wall, ru.ru_maxrss / 1024.0, load,
               stdout, stderr, p.returncode)


def median_run(runs):
    """The run of median CPU time."""
    return sorted(runs, key=lambda r: r.cpu)[len(runs) // 2]


def summary(runs):
    """Medians (and ranges) of CPU and wall time over runs, and the median load average."""
    cpus, walls = [r.cpu for r in runs], [r.wall for r in runs]
    return {"cpu": statistics.median(cpus), "cpu_min": min(cpus), "cpu_max": max(cpus),
            "wall": statistics.median(walls), "wall_min": min(walls), "wall_max": max(walls),
            "load": statistics.median(r.load for r in runs), "peak_mb": max(r.peak_mb for r in runs),
            "runs": len(runs)}
