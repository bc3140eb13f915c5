#!/usr/bin/env bash
# Joint architecture and recipe search (--tune-recipe) against architecture-only
# search with the fixed default recipe on Fashion-MNIST: the same strategy, trial
# budget and data for both, SEEDS seeds each, PARALLEL searches at a time, each on
# one training thread under nice. Every search gets its own SQLite store in OUT_DIR.
#
# Usage: benchmarks/recipe-tuning/run.sh SNAPSHOT_DIR OUT_DIR
#   SNAPSHOT_DIR contains archforge-app-0.1.0-SNAPSHOT.jar and its lib/ directory, copied
#   from archforge-app/target so that rebuilds do not change the jar mid-run.
# Environment: TRIALS (15), SEEDS (5), TRAIN_IMAGES (1000), VALIDATION_IMAGES (500),
#   EPOCHS (3), PARALLEL (2).
set -euo pipefail

snapshot="${1:?give the directory with the application jar and lib/}"
out="${2:?give an output directory}"
trials="${TRIALS:-15}"
seeds="${SEEDS:-5}"
train_images="${TRAIN_IMAGES:-1000}"
validation_images="${VALIDATION_IMAGES:-500}"
epochs="${EPOCHS:-3}"
parallel="${PARALLEL:-2}"
mkdir -p "$out"

# One search; its wall time in seconds goes to NAME.seconds.
search() {
    local name="$1"
    shift
    local start end
    start=$(date +%s)
    DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.archforge/djl-cache}" nice -n 10 java \
        -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Dai.djl.default_engine=PyTorch \
        -jar "$snapshot/archforge-app-0.1.0-SNAPSHOT.jar" search \
        --dataset fashion-mnist --objective accuracy:max --trials "$trials" \
        --time-limit 3h --train-images "$train_images" \
        --validation-images "$validation_images" --epochs "$epochs" \
        --storage "$out/$name.db" --study "$name" --json "$@" \
        >"$out/$name.json" 2>"$out/$name.log"
    end=$(date +%s)
    echo $((end - start)) >"$out/$name.seconds"
}

jobs_list=()
for ((seed = 0; seed < seeds; seed++)); do
    jobs_list+=("fixed-s$seed --seed $seed")
    jobs_list+=("joint-s$seed --seed $seed --tune-recipe")
done

running=0
for job in "${jobs_list[@]}"; do
    # shellcheck disable=SC2086
    search $job &
    running=$((running + 1))
    if ((running >= parallel)); then
        wait -n
        running=$((running - 1))
    fi
done
wait
echo "finished: $out" >&2
