#!/usr/bin/env bash
# Everything this directory trains, in priority order: the two shipped models, then the reproduction.
# Usage: nohup scripts/train/run-all.sh > scripts/train/runs/run-all.log 2>&1 &
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)
/usr/bin/python3 scripts/train/train.py scripts/train/configs/ghostnet_050.json
/usr/bin/python3 scripts/train/train.py scripts/train/configs/efficientnet_w050.json
/usr/bin/python3 scripts/train/reproduce.py scripts/train/configs/reproduction.json
echo "all training done in $(( ($(date +%s) - start) / 60 )) min"
