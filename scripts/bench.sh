#!/usr/bin/env bash
# Prints the performance figures of the README's "Performance" section,
# each beside its baseline measured in the same run:
#   start-up to first frame; CPU and RSS while counting down and while idle
#   (against a bare Fyne window, cmd/fyne-baseline); RSS growth over a long
#   countdown; cue onset error in captured audio; engine drift; render time;
#   the log command and the first frame with 10 and 30 years of history
#   against a fresh journal.
# Runs everything on a private Xvfb display and PulseAudio null sink.
#
#   scripts/bench.sh            the full run (about 15 minutes)
#   QUICK=1 scripts/bench.sh    shorter windows (about 4 minutes), for a smoke test
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=$PATH:/usr/local/go/bin:$(go env GOPATH)/bin
export LANG=en_US.UTF-8
# Keep Go's caches where they are: HOME changes below (a private home for
# the app and the sound server), and with it the default cache paths.
export GOCACHE=$(go env GOCACHE) GOMODCACHE=$(go env GOMODCACHE) GOPATH=$(go env GOPATH)

if [[ ${QUICK:-} == 1 ]]; then
  sample_s=20 long_s=120 short_s=30 drift=2m
else
  sample_s=60 long_s=600 short_s=60 drift=40m
fi

work=$(mktemp -d /tmp/spineroutine-bench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  [[ -n ${pulse_pid:-} ]] && kill "$pulse_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "building..." >&2
go build -o "$work/spineroutine" ./cmd/spineroutine
go build -o "$work/fyne-baseline" ./cmd/fyne-baseline
bin=$work/spineroutine

# A private X display.
disp=:$((150 + RANDOM % 50))
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY=$disp
sleep 1

# A private PulseAudio server with a null sink; ALSA is routed to it.
export XDG_RUNTIME_DIR=$work/run HOME=$work/home PULSE_RUNTIME_PATH=$work/run/pulse
mkdir -p "$XDG_RUNTIME_DIR" "$HOME" && chmod 700 "$XDG_RUNTIME_DIR"
export PULSE_SERVER=unix:$work/run/pulse.sock
pulseaudio -n --daemonize=no --exit-idle-time=-1 --disallow-exit --log-target=stderr \
  --load="module-null-sink sink_name=bench rate=44100" \
  --load="module-native-protocol-unix socket=$work/run/pulse.sock auth-anonymous=1" \
  >"$work/pulse.log" 2>&1 &
pulse_pid=$!
cat >"$work/asoundrc" <<EOT
pcm.!default { type pulse }
ctl.!default { type pulse }
EOT
export ALSA_CONFIG_PATH=/usr/share/alsa/alsa.conf:$work/asoundrc
for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
pactl set-default-sink bench >/dev/null 2>&1 || true

clk=$(getconf CLK_TCK)
# cpu_ticks PID: user+system ticks of the process so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# rss_mb PID: resident memory in MB.
rss_mb() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }
# measure PID SECONDS: prints "cpu% rss_mb" over the window, after 5 s to settle.
measure() {
  sleep 5
  local t0 c0 t1 c1
  t0=$(date +%s.%N); c0=$(cpu_ticks "$1")
  sleep "$2"
  t1=$(date +%s.%N); c1=$(cpu_ticks "$1")
  echo "$(awk -v c0="$c0" -v c1="$c1" -v t0="$t0" -v t1="$t1" -v hz="$clk" \
    'BEGIN {printf "%.2f", 100 * (c1 - c0) / hz / (t1 - t0)}') $(rss_mb "$1")"
}
run_bg() { "$@" >"$work/last.log" 2>&1 & pids+=($!); echo $!; }

rows=()
row() { rows+=("$(printf '| %-44s | %-14s | %-14s | %-22s |' "$1" "$2" "$3" "$4")"); }

# --- start-up: process start to first frame drawn, median of 5 ---
startups=()
for i in 1 2 3 4 5; do
  data=$work/data-start-$i
  out=$(SPINEROUTINE_TRACE_STARTUP=1 timeout 20 "$bin" --data "$data" 2>&1 || true)
  ms=$(sed -n 's/.*first frame after \([0-9.]*\) ms.*/\1/p' <<<"$out" | head -1)
  startups+=("${ms:-nan}")
done
startup_med=$(printf '%s\n' "${startups[@]}" | sort -n | sed -n 3p)
row "start-up to first frame (median of 5)" "${startup_med} ms" "-" "<= 1000 ms"

# --- CPU and RSS while counting down, against a label updated once a second ---
data=$work/data-run
pid=$(run_bg "$bin" --start --data "$data")
read -r app_cpu app_rss < <(measure "$pid" "$sample_s")
kill "$pid"
pid=$(run_bg "$work/fyne-baseline")
read -r base_cpu base_rss < <(measure "$pid" "$sample_s")
kill "$pid"
row "CPU while counting down, 1280x800" "${app_cpu} %" "${base_cpu} %" "<= 1.2x baseline"
row "RSS while counting down" "${app_rss} MB" "${base_rss} MB" "<= baseline + 20 MB"

# --- idle: the window open, no session, against a static bare window ---
pid=$(run_bg "$bin" --data "$work/data-idle")
read -r idle_cpu idle_rss < <(measure "$pid" "$sample_s")
kill "$pid"
pid=$(run_bg "$work/fyne-baseline" --static)
read -r sbase_cpu sbase_rss < <(measure "$pid" "$sample_s")
kill "$pid"
row "CPU idle (window open, no session)" "${idle_cpu} %" "${sbase_cpu} %" "<= 1.05x static window"

# --- RSS growth over a long countdown ---
pid=$(run_bg "$bin" --start --data "$work/data-long")
sleep "$short_s"; rss_short=$(rss_mb "$pid")
sleep $((long_s - short_s)); rss_long=$(rss_mb "$pid")
kill "$pid"
row "RSS after ${long_s}s vs after ${short_s}s of countdown" "${rss_long} MB" "${rss_short} MB" "flat (< +20 MB)"

# --- cue onsets in captured audio, engine drift, render time ---
onsets=$(SPINEROUTINE_FIGURES=1 go test -count=1 -run 'TestEndToEnd/routine' ./cmd/spineroutine -v 2>&1 |
  sed -n 's/.*FIGURE onset_ms median=\([0-9.]*\) worst=\([0-9.]*\).*/\1 \2/p' | head -1)
row "cue onset error in captured audio (median / worst)" "${onsets:-n/a} ms" "-" "worst <= 15 ms"

drift_out=$(SPINEROUTINE_DRIFT=$drift go test -count=1 -timeout 60m -run 'TestRealClockDrift' ./internal/schedule -v 2>&1 |
  sed -n 's/.*FIGURE drift \(.*\)/\1/p' | head -1)
row "engine drift, $drift plan, 2 CPU burners" "${drift_out:-n/a}" "-" "<= 5 ms"

t0=$(date +%s%N)
"$bin" render --out "$work/full.wav" >/dev/null
t1=$(date +%s%N)
row "render the full default routine to WAV" "$(((t1 - t0) / 1000000)) ms" "-" "-"

# --- years of history: log and first frame against a fresh journal ---
# DIR/<n>y-raw as an older version left it (no checkpoint: every entry is
# read), DIR/<n>y after the app's first start (checkpoint saved).
hist=$work/history
mkdir -p "$hist/fresh"
SPINEROUTINE_HISTORY_DIR=$hist go test -count=1 -run '^TestWriteHistoryFixture$' ./internal/journal >/dev/null
# log_figures DIR: "seconds max-RSS-MB" of the log command.
log_figures() {
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$bin" log --data "$1" >/dev/null 2>&1
  awk '{printf "%d ms %.1f MB", $1 * 1000, $2 / 1024}' "$work/time.txt"
}
# first_frame DIR: milliseconds from start to the first frame, median of 3.
first_frame() {
  local out ms=()
  for _ in 1 2 3; do
    out=$(SPINEROUTINE_TRACE_STARTUP=1 timeout 30 "$bin" --data "$1" 2>&1 || true)
    ms+=("$(sed -n 's/.*first frame after \([0-9.]*\) ms.*/\1/p' <<<"$out" | head -1)")
  done
  printf '%s\n' "${ms[@]}" | sort -n | sed -n 2p
}
log_fresh=$(log_figures "$hist/fresh")
frame_fresh=$(first_frame "$hist/fresh")
for y in 10 30; do
  row "log (time, max RSS), ${y} years of daily sessions" "$(log_figures "$hist/${y}y")" "$log_fresh" "+300 ms, +20 MB"
  row "log, ${y} years, first read (no checkpoint)" "$(log_figures "$hist/${y}y-raw")" "$log_fresh" "once, after an update"
  row "first frame (median of 3), ${y} years" "$(first_frame "$hist/${y}y") ms" "${frame_fresh} ms" "+300 ms"
done

echo
echo "Performance, $(date -u +%Y-%m-%d), $(nproc) cores, Xvfb 1280x800, PulseAudio null sink"
echo
printf '| %-44s | %-14s | %-14s | %-22s |\n' "what" "Spine Routine" "baseline" "target"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "$(printf -- '-%.0s' {1..16})" "$(printf -- '-%.0s' {1..16})" "$(printf -- '-%.0s' {1..24})"
printf '%s\n' "${rows[@]}"
