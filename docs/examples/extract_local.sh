#!/bin/bash
# Sharded extraction on one machine (or one shard per machine with a shared cache folder), then
# the merge that checks the shards and writes the cache index. Usage: extract_local.sh CONFIG [N]
set -eu
config=${1:?usage: extract_local.sh CONFIG [N]}
n=${2:-2}
pids=()
for ((i = 0; i < n; ++i)); do
    vaclip extract --config "$config" --shard "$i/$n" > "extract-shard-$i.log" 2>&1 &
    pids+=($!)
done
for p in "${pids[@]}"; do
    wait "$p"
done
vaclip extract --config "$config" --merge --shards "$n"
