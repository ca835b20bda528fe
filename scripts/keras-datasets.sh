#!/usr/bin/env bash
# Fills the Keras dataset cache that trainings in mlops/keras read keras.datasets from (they have no network):
# MLOPS_KERAS_DATASETS, default ~/.mlops/keras-datasets, laid out like ~/.keras/datasets (doc/keras-datasets.md).
# It copies what Debian packages hold (dataset-fashion-mnist: keras.datasets.fashion_mnist) and leaves every other
# file alone. Copies, not links: the folder is mounted into containers, where /usr/share/datasets does not exist.
set -euo pipefail
CACHE=${MLOPS_KERAS_DATASETS:-$HOME/.mlops/keras-datasets}
FASHION=/usr/share/datasets/fashion-mnist
log() { echo "[setup] $*"; }

if [ ! -d "$FASHION" ]; then
  log "no $FASHION (Debian package dataset-fashion-mnist): keras.datasets.fashion_mnist will not load offline"
  exit 0
fi
mkdir -p "$CACHE/fashion-mnist"
copied=0
for file in "$FASHION"/*-ubyte.gz; do
  target=$CACHE/fashion-mnist/$(basename "$file")
  if [ ! -f "$target" ]; then cp "$file" "$target.part" && mv "$target.part" "$target"; copied=$((copied + 1)); fi
done
log "Keras dataset cache $CACHE: fashion-mnist ready ($copied files copied)"
