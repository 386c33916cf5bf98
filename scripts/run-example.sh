#!/usr/bin/env bash
# The main job on the example model: install, then summarise, validate and analyse models/, and
# build the architecture site. Reports and the site go to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/eagraph info models
.venv/bin/eagraph query models 'SELECT ?mode (COUNT(?s) AS ?services) WHERE { ?s a cpsv:PublicService ; eag:grantingMode ?mode } GROUP BY ?mode'
.venv/bin/eagraph validate models
mkdir -p out
.venv/bin/eagraph validate models --format sarif --output out/eagraph.sarif
.venv/bin/eagraph analyze models --no-validate --format md --output out/simplification.md
sed -n '1,16p' out/simplification.md   # the top ten of what to simplify first
.venv/bin/eagraph site build models --out out/site
echo "the architecture site: open out/site/index.html"
