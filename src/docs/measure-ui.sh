#!/usr/bin/env bash
# Instrumented run of the real window: open -> first paint, prediction on screen, slider -> repaint.
# Usage: src/docs/measure-ui.sh PHOTO [opens] [slider-moves]
# Without a display it runs under xvfb-run (1920x1080, Mesa's OpenGL), as CI does.
set -euo pipefail
cd "$(dirname "$0")/../.."
args="$*"
cmd=(mvn -B -q -Ptool test-compile exec:exec -Dtool=app.retone.ui.UiTimings "-Dtool.args=$args")
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1920x1080x24" "${cmd[@]}"
else
  "${cmd[@]}"
fi
