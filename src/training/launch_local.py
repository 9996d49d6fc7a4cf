#!/usr/bin/env python3
"""Starts N local processes of a training script with the environment torchrun gives them
(RANK, LOCAL_RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT), so the script runs distributed
(DistributedDataParallel, gloo) exactly as it would under torchrun.

Why not torchrun itself: Debian's torch 1.13 on Python 3.11 fails inside torchrun's elastic
agent before any worker starts ("unsupported operand type(s) for |: 'NoneType' and 'NoneType'"
in torch/distributed/elastic/multiprocessing). train.py does not care which launcher set the
variables; on a cluster with a working torchrun, use torchrun.

    python3 src/training/launch_local.py --nproc 2 src/training/train.py --train ... --val ... --out ...
"""
import argparse
import os
import socket
import subprocess
import sys


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--nproc", type=int, default=2)
    p.add_argument("script")
    p.add_argument("args", nargs=argparse.REMAINDER)
    a = p.parse_args()
    port = free_port()
    procs = []
    for rank in range(a.nproc):
        env = dict(os.environ, RANK=str(rank), LOCAL_RANK=str(rank), WORLD_SIZE=str(a.nproc),
                   LOCAL_WORLD_SIZE=str(a.nproc), MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port))
        procs.append(subprocess.Popen([sys.executable, a.script] + a.args, env=env))
    # if one rank fails, the others would wait for it until gloo's timeout: stop them
    import time
    while any(proc.poll() is None for proc in procs):
        if any(proc.poll() not in (None, 0) for proc in procs):
            for proc in procs:
                if proc.poll() is None:
                    proc.terminate()
            break
        time.sleep(0.2)
    codes = [proc.wait() for proc in procs]
    failed = [rank for rank, code in enumerate(codes) if code != 0]
    if failed:
        print(f"launch_local: ranks {failed} failed with codes {[codes[r] for r in failed]}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
