#!/usr/bin/env bash
# The main job on the example model: install, then load and summarise models/ (later steps of
# the pipeline, validate, analyse and build the site, are added as the commands land).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/eagraph info models
.venv/bin/eagraph query models 'SELECT ?mode (COUNT(?s) AS ?services) WHERE { ?s a cpsv:PublicService ; eag:grantingMode ?mode } GROUP BY ?mode'
