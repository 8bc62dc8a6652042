#!/usr/bin/env bash
# The embedded default under 20 editors (issue 13): bench/deadline-day.sh on SQLite with 4 agencies × 5 editors
# autosaving almost continuously (a save every 0.5-2 s, a page for a fifth of their actions after 0.5-2 s), no
# submissions, then the ceiling app under the same model. Pass: no "database is locked" in the application's log,
# no non-2xx answer, every acknowledged save stored.
# Usage: bench/sqlite-editors.sh [minutes=5] [editors=20]   (through flock /tmp/bench.lock)
set -euo pipefail
minutes=${1:-5}
editors=${2:-20}
per_agency=5
THINK_SAVE=${THINK_SAVE:-0.5,2} THINK_PAGE=${THINK_PAGE:-0.5,2} PAGE_SHARE=${PAGE_SHARE:-0.2} SUBMIT=0 \
  exec "$(dirname "$0")/deadline-day.sh" "$minutes" $(( (editors + per_agency - 1) / per_agency )) "$per_agency" sqlite
