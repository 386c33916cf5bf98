#!/usr/bin/env bash
# The main job on the example model: install, then summarise and validate models/ (analysis and
# the site are added to this pipeline as those commands land).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/eagraph info models
.venv/bin/eagraph query models 'SELECT ?mode (COUNT(?s) AS ?services) WHERE { ?s a cpsv:PublicService ; eag:grantingMode ?mode } GROUP BY ?mode'
.venv/bin/eagraph validate models
mkdir -p out
.venv/bin/eagraph validate models --format sarif --output out/eagraph.sarif
