#!/bin/bash
# Data-parallel `vaclip train` on one machine, torchrun-style: N processes with RANK, LOCAL_RANK,
# WORLD_SIZE, MASTER_ADDR, MASTER_PORT. Usage: launch_local.sh CONFIG [N] [extra vaclip train args]
# Exits non-zero when any rank fails (the others stop by themselves within the timeout).
set -u
config=${1:?usage: launch_local.sh CONFIG [N] [args...]}
n=${2:-2}
shift $(( $# >= 2 ? 2 : 1 ))
export MASTER_ADDR=${MASTER_ADDR:-127.0.0.1}
export MASTER_PORT=${MASTER_PORT:-$((20000 + RANDOM % 20000))}
export WORLD_SIZE=$n
pids=()
for ((r = 0; r < n; ++r)); do
    RANK=$r LOCAL_RANK=$r vaclip train --config "$config" "$@" &
    pids+=($!)
done
status=0
for p in "${pids[@]}"; do
    wait "$p" || status=1
done
exit $status
