#!/usr/bin/env bash
# Prints the performance figures of the README's "Performance" section,
# each beside its baseline measured in the same run. The window figures
# run the app and the baseline (cmd/fyne-baseline: a bare Fyne window with
# one label, updated once a second, or --static) alternately, ROUNDS times
# each, and print the medians and their ratio: CPU (the process's own
# utime+stime over wall time) counting down with sound, muted and idle;
# start-up to first frame; RSS counting down, and after a long countdown
# against a short one; CPU counting down with a media client (MPRIS on a
# private D-Bus session bus) reading Position about 10 times a second,
# against the same session with no client; frames per second and draw calls per frame (Mesa's
# GALLIUM_HUD statistics: input vertices per frame / 4, as Fyne draws
# every object as one 4-vertex strip). Then: cue onset error in captured
# audio; engine drift; render time; the log command and the first frame
# with 10 and 30 years of history against a fresh journal; check on 1 MiB
# routine files of dotted parts; the voice
# report (longest silence, holds counted down, moves named, side changes
# spoken) and the move names a recognizer hears.
# Runs everything on a private Xvfb display and PulseAudio null sink, with
# the build tags of "make bin" (scripts/fyne.sh).
#
#   scripts/bench.sh              the full run (about 40 minutes)
#   QUICK=1 scripts/bench.sh      shorter windows (about 12 minutes)
#   WINDOW_ONLY=1 ...             the window figures alone
#   ROUNDS=5 ...                  rounds per figure (default 3)
#   ONLY=cpu,first ...            some of the window figures: cpu (counting
#                                 down), idle, first (first frame), hud
#                                 (frames, draw calls), rss (the long run),
#                                 mpris (a media client polling Position)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=$PATH:/usr/local/go/bin:$(go env GOPATH)/bin
export LANG=en_US.UTF-8
# Keep Go's caches where they are: HOME changes below (a private home for
# the app and the sound server), and with it the default cache paths.
export GOCACHE=$(go env GOCACHE) GOMODCACHE=$(go env GOMODCACHE) GOPATH=$(go env GOPATH)

rounds=${ROUNDS:-3}
if [[ ${QUICK:-} == 1 ]]; then
  sample_s=10 long_s=120 short_s=30 drift=2m
else
  sample_s=30 long_s=600 short_s=60 drift=40m
fi
settle_s=10 # start-up work (fonts, voice clips) is over under load

work=$(mktemp -d /tmp/spineroutine-bench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  [[ -n ${pulse_pid:-} ]] && kill "$pulse_pid" 2>/dev/null || true
  sleep 0.5 # the sound server writes its runtime files as it exits
  rm -rf "$work" 2>/dev/null || true
}
trap cleanup EXIT

echo "building..." >&2
tags=no_emoji # as scripts/fyne.sh builds
go build -tags "$tags" -o "$work/spineroutine" ./cmd/spineroutine
go build -tags "$tags" -o "$work/fyne-baseline" ./cmd/fyne-baseline
bin=$work/spineroutine
base=$work/fyne-baseline

# A private X display; -noreset: an X server resets when its last client
# leaves, and a client connecting meanwhile (the next run) cannot open it.
disp=:$((150 + RANDOM % 50))
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp -noreset >/dev/null 2>&1 &
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
# measure PID SECONDS: prints "cpu% rss_mb" over the window, after settling.
measure() {
  sleep "$settle_s"
  if ! kill -0 "$1" 2>/dev/null; then
    echo "the process under test exited early; its output:" >&2
    tail -40 "$work/last.log" >&2
    exit 1
  fi
  local t0 c0 t1 c1
  t0=$(date +%s.%N); c0=$(cpu_ticks "$1")
  sleep "$2"
  t1=$(date +%s.%N); c1=$(cpu_ticks "$1")
  echo "$(awk -v c0="$c0" -v c1="$c1" -v t0="$t0" -v t1="$t1" -v hz="$clk" \
    'BEGIN {printf "%.2f", 100 * (c1 - c0) / hz / (t1 - t0)}') $(rss_mb "$1")"
}
run_bg() { "$@" >"$work/last.log" 2>&1 & pids+=($!); echo $!; }
# sample CMD...: runs CMD and prints "cpu% rss_mb" over sample_s.
sample() {
  local pid out
  pid=$(run_bg "$@")
  out=$(measure "$pid" "$sample_s")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$out"
}
# median: of the numbers on stdin.
median() { sort -n | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2fx", a / b; else print "-"}'; }
fresh() { mktemp -d "$work/data.XXXXXX"; }

rows=()
row() { rows+=("$(printf '| %-46s | %-13s | %-13s | %-7s | %-24s |' "$1" "$2" "$3" "$4" "$5")"); }

# pair LABEL TARGET APP_ARGS -- BASE_ARGS: CPU (and RSS) of the app and the
# baseline, alternately, rounds times; adds the CPU row and sets app_rss
# and base_rss to the median RSS.
pair() {
  local label=$1 target=$2 app_cpu=() base_cpu=() app_r=() base_r=() c r
  shift 2
  local app_args=() base_args=()
  while [[ $1 != -- ]]; do app_args+=("$1"); shift; done
  shift
  base_args=("$@")
  for _ in $(seq "$rounds"); do
    read -r c r < <(sample "$bin" --data "$(fresh)" "${app_args[@]}")
    app_cpu+=("$c") app_r+=("$r")
    read -r c r < <(sample "$base" "${base_args[@]}")
    base_cpu+=("$c") base_r+=("$r")
  done
  local a b
  a=$(printf '%s\n' "${app_cpu[@]}" | median)
  b=$(printf '%s\n' "${base_cpu[@]}" | median)
  app_rss=$(printf '%s\n' "${app_r[@]}" | median)
  base_rss=$(printf '%s\n' "${base_r[@]}" | median)
  row "$label" "$a %" "$b %" "$(ratio "$a" "$b")" "$target"
  echo "  $label: app ${app_cpu[*]} / baseline ${base_cpu[*]} (% of a core)" >&2
}

# want NAME: whether the window figure NAME is asked for (ONLY).
want() { [[ -z ${ONLY:-} || ,$ONLY, == *,$1,* ]]; }

echo "window figures, $rounds rounds of ${sample_s}s..." >&2
# --- CPU while counting down with sound, muted, and idle ---
if want cpu; then
  pair "CPU counting down, sound on" "<= 2x" --start --
  count_rss=$app_rss count_base_rss=$base_rss
  pair "CPU counting down, muted" "<= 2.5x" --start --mute --
  row "RSS counting down" "$count_rss MB" "$count_base_rss MB" \
    "+$(awk -v a="$count_rss" -v b="$count_base_rss" 'BEGIN {printf "%.0f", a - b}') MB" "<= baseline + 20 MB"
fi
if want idle; then
  pair "CPU idle (window open, no session)" "<= 1.05x static window" -- --static
fi

# --- CPU counting down with a media client reading Position at 10 Hz ---
# The app offers its session on a private session bus; a client (dbus-send,
# as a panel or a phone showing the progress) asks for Position every
# 100 ms. The same session without a client is the baseline.
if want mpris; then
  dbus-daemon --session --nofork --print-address=1 >"$work/dbus.addr" 2>/dev/null &
  pids+=($!)
  for _ in $(seq 50); do [[ -s $work/dbus.addr ]] && break; sleep 0.1; done
  export DBUS_SESSION_BUS_ADDRESS=$(head -1 "$work/dbus.addr")
  # poll_position: asks for Position every 100 ms (each ask in the
  # background, so that a slow answer does not slow the rate), a line per
  # answer.
  poll_position() {
    while :; do
      { dbus-send --session --print-reply=literal --dest=org.mpris.MediaPlayer2.spineroutine \
          /org/mpris/MediaPlayer2 org.freedesktop.DBus.Properties.Get \
          string:org.mpris.MediaPlayer2.Player string:Position 2>/dev/null | grep -c int64 || true; } &
      sleep 0.1
    done
  }
  # sample_polled CMD...: sample with the client polling; the seconds it
  # polled are added to $work/polled-s.
  sample_polled() {
    local poller t0
    t0=$(date +%s.%N)
    poll_position >>"$work/polls" &
    poller=$!
    sample "$@"
    kill "$poller"; wait "$poller" 2>/dev/null || true
    awk -v t0="$t0" -v t1="$(date +%s.%N)" 'BEGIN {printf "%.1f\n", t1 - t0}' >>"$work/polled-s"
  }
  polled=() plain=()
  : >"$work/polls"
  : >"$work/polled-s"
  for _ in $(seq "$rounds"); do
    read -r c r < <(sample_polled "$bin" --start --data "$(fresh)")
    polled+=("$c")
    read -r c r < <(sample "$bin" --start --data "$(fresh)")
    plain+=("$c")
  done
  answers=$(grep -c 1 "$work/polls" || true)
  rate=$(awk -v n="$answers" '{s += $1} END {if (s) printf "%.1f", n / s; else print 0}' "$work/polled-s")
  a=$(printf '%s\n' "${polled[@]}" | median)
  b=$(printf '%s\n' "${plain[@]}" | median)
  if [[ $answers -gt 0 ]]; then
    row "CPU counting down, Position read at 10 Hz" "$a %" "$b % no client" "$(ratio "$a" "$b")" "<= 1.1x"
  else
    row "CPU counting down, Position read at 10 Hz" "no answer" "$b % no client" "-" "<= 1.1x"
  fi
  echo "  media client: app ${polled[*]} / no client ${plain[*]} (% of a core); $answers Position answers, $rate a second" >&2
  unset DBUS_SESSION_BUS_ADDRESS
fi

# --- start-up: process start to first frame drawn ---
# first_frame CMD...: milliseconds from process start to the first frame
# (the process is stopped once it has printed it).
first_frame() {
  local log=$work/first-frame.log pid
  SPINEROUTINE_TRACE_STARTUP=1 "$@" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 300); do
    grep -q 'first frame after' "$log" && break
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  sed -n 's/.*first frame after \([0-9.]*\) ms.*/\1/p' "$log" | head -1
}
if want first; then
  app_ff=() base_ff=()
  for _ in $(seq $((rounds + 2))); do
    app_ff+=("$(first_frame "$bin" --data "$(fresh)")")
    base_ff+=("$(first_frame "$base")")
  done
  a=$(printf '%s\n' "${app_ff[@]}" | median)
  b=$(printf '%s\n' "${base_ff[@]}" | median)
  row "start-up to first frame (median of $((rounds + 2)))" "$a ms" "$b ms" "$(ratio "$a" "$b")" "<= 1.2x"
  echo "  first frame: app ${app_ff[*]} / baseline ${base_ff[*]} (ms)" >&2
fi

# --- frames per second and draw calls per frame (Mesa's HUD statistics,
# written when the app quits) ---
# hud CMD...: prints "fps draws-per-frame" over sample_s of counting down.
hud() {
  local dir
  dir=$(mktemp -d "$work/hud.XXXXXX")
  GALLIUM_HUD_VISIBLE=false GALLIUM_HUD_DUMP_DIR=$dir GALLIUM_HUD_PERIOD=1 \
    GALLIUM_HUD="fps,ia-vertices" SPINEROUTINE_QUIT_AFTER=$((settle_s + sample_s))s \
    timeout $((settle_s + sample_s + 30)) "$@" >/dev/null 2>&1 || true
  # Skip the settling seconds; ia-vertices is a per-frame average.
  paste "$dir/fps" "$dir/ia_vertices" 2>/dev/null | tail -n +$((settle_s + 1)) |
    awk '{f += $1; v += $1 * $2; n++} END {if (n && f) printf "%.2f %.1f\n", f / n, v / f / 4; else print "nan nan"}'
}
if want hud; then
  app_fps=() app_dpf=() base_fps=() base_dpf=()
  for _ in $(seq "$rounds"); do
    read -r f d < <(hud "$bin" --start --data "$(fresh)")
    app_fps+=("$f") app_dpf+=("$d")
    read -r f d < <(hud "$base")
    base_fps+=("$f") base_dpf+=("$d")
  done
  row "frames per second, counting down" "$(printf '%s\n' "${app_fps[@]}" | median)" \
    "$(printf '%s\n' "${base_fps[@]}" | median)" "-" "-"
  row "draw calls per frame, counting down" "$(printf '%s\n' "${app_dpf[@]}" | median)" \
    "$(printf '%s\n' "${base_dpf[@]}" | median)" "-" "-"
  echo "  fps: app ${app_fps[*]} / baseline ${base_fps[*]}; draws/frame: app ${app_dpf[*]} / baseline ${base_dpf[*]}" >&2
fi

# --- RSS over a long countdown, the app and the baseline side by side ---
if want rss; then
  echo "RSS over ${long_s}s..." >&2
  pid=$(run_bg "$bin" --start --data "$(fresh)")
  bpid=$(run_bg "$base")
  sleep "$short_s"; rss_short=$(rss_mb "$pid") brss_short=$(rss_mb "$bpid")
  sleep $((long_s - short_s)); rss_long=$(rss_mb "$pid") brss_long=$(rss_mb "$bpid")
  kill "$pid" "$bpid"
  row "RSS after ${long_s}s (after ${short_s}s)" "$rss_long ($rss_short) MB" "$brss_long ($brss_short) MB" \
    "+$(awk -v a="$rss_long" -v b="$rss_short" 'BEGIN {printf "%.0f", a - b}') MB" "flat, <= baseline + 20 MB"
fi

print_table() {
  echo
  echo "Performance, $(date -u +%Y-%m-%d), $(nproc) cores (load $(cut -d' ' -f1-3 /proc/loadavg)), Xvfb 1280x800, PulseAudio null sink, $rounds rounds"
  echo
  printf '| %-46s | %-13s | %-13s | %-7s | %-24s |\n' "what" "Spine Routine" "baseline" "ratio" "target"
  printf '|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..48})" "$(printf -- '-%.0s' {1..15})" "$(printf -- '-%.0s' {1..15})" "$(printf -- '-%.0s' {1..9})" "$(printf -- '-%.0s' {1..26})"
  printf '%s\n' "${rows[@]}"
}
if [[ ${WINDOW_ONLY:-} == 1 || -n ${ONLY:-} ]]; then
  print_table
  exit 0
fi

# --- cue onsets in captured audio, engine drift, render time ---
onsets=$(SPINEROUTINE_FIGURES=1 go test -count=1 -run 'TestEndToEnd/routine' ./cmd/spineroutine -v 2>&1 |
  sed -n 's/.*FIGURE onset_ms median=\([0-9.]*\) worst=\([0-9.]*\).*/\1 \2/p' | head -1)
row "cue onset error in captured audio (median / worst)" "${onsets:-n/a} ms" "-" "-" "worst <= 10 ms"

drift_out=$(SPINEROUTINE_DRIFT=$drift go test -count=1 -timeout 60m -run 'TestRealClockDrift' ./internal/schedule -v 2>&1 |
  sed -n 's/.*FIGURE drift \(.*\)/\1/p' | head -1)
row "engine drift, $drift plan, 2 CPU burners" "${drift_out:-n/a}" "-" "-" "<= 5 ms"

t0=$(date +%s%N)
"$bin" render --out "$work/full.wav" >/dev/null
t1=$(date +%s%N)
row "render the full default routine to WAV" "$(((t1 - t0) / 1000000)) ms" "-" "-" "-"

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
# first_frame3 ARGS...: first_frame's milliseconds, median of 3.
first_frame3() {
  local ms=()
  for _ in 1 2 3; do ms+=("$(first_frame "$@")"); done
  printf '%s\n' "${ms[@]}" | sort -n | sed -n 2p
}
log_fresh=$(log_figures "$hist/fresh")
frame_fresh=$(first_frame3 "$bin" --data "$hist/fresh")
for y in 10 30; do
  row "log (time, max RSS), ${y} years of daily sessions" "$(log_figures "$hist/${y}y")" "$log_fresh" "-" "+300 ms, +20 MB"
  row "log, ${y} years, first read (no checkpoint)" "$(log_figures "$hist/${y}y-raw")" "$log_fresh" "-" "once, after an update"
  row "first frame (median of 3), ${y} years" "$(first_frame3 "$bin" --data "$hist/${y}y") ms" "${frame_fresh} ms" "-" "+300 ms"
done
# --- hostile routine files (issue 25): check refuses 1 MiB of dotted parts ---
# check_figures FILE: "seconds max-RSS-MB" of the check command (which
# refuses the file: its exit status is 1).
check_figures() {
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$bin" check "$1" >/dev/null 2>&1 || true
  # (time's first line says the status was not 0; the figures are last)
  awk 'END {printf "%d ms %.1f MB", $1 * 1000, $2 / 1024}' "$work/time.txt"
}
# dots: 1 MB of ".a.a.a..." (no "yes | head": its SIGPIPE fails pipefail)
dots() { head -c 1048000 /dev/zero | tr '\0' '.' | sed 's/\.\./.a/g'; }
{ printf 'name = "x"\na'; dots; printf ' = 1\n'; } >"$work/dotted-key.toml"
{ printf '[a'; dots; printf ']\n'; } >"$work/dotted-header.toml"
row "check, a 1 MiB dotted key" "$(check_figures "$work/dotted-key.toml")" "-" "-" "<= 1 s, <= 100 MB"
row "check, a 1 MiB dotted table header" "$(check_figures "$work/dotted-header.toml")" "-" "-" "<= 1 s, <= 100 MB"

# --- the physiotherapist's report: 28 days of a 30-year journal ---
# report_figures DIR: "seconds max-RSS-MB" of the report command.
report_figures() {
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$bin" report --data "$1" --to 2026-11-22 --force \
    --out "$work/report.pdf" >/dev/null 2>&1
  awk '{printf "%d ms %.1f MB", $1 * 1000, $2 / 1024}' "$work/time.txt"
}
row "report of 28 days (time, max RSS), 30 years" "$(report_figures "$hist/30y")" "$(report_figures "$hist/fresh")" "-" "-"
report_bench=$(go test -count=1 -run '^$' -bench 'Report30Years' -benchtime 5x ./internal/report 2>&1 |
  awk '/^BenchmarkReport30Years/ {printf "%.0f ms, %.1f MB allocated", $3 / 1e6, $5 / 1e6}')
row "report of 28 days, 30 years, in process (go test -bench)" "${report_bench:-n/a}" "-" "-" "-"
# --- coaching by ear: the voice report and the recognizer ---
voice=$("$bin" plan --voice-report)
vfig() { sed -n "s/^$1: //p" <<<"$voice"; }
row "longest silence, default routine" "$(vfig 'longest silence' | cut -d' ' -f1-2)" "-" "-" "<= 15 s"
row "holds >= 10 s counted down at their end" "$(vfig 'holds >= 10 s counted down at their end')" "-" "-" "all"
row "moves named before or as they start" "$(vfig 'moves named before or as they start')" "-" "-" "all"
row "side changes spoken" "$(vfig 'side changes spoken')" "-" "-" "all"
heard=$(go test -count=1 -run 'TestRecognizerHearsEachMove' ./internal/cue -v 2>&1 |
  sed -n 's/.*move names recognized: \([0-9]* of [0-9]*\).*/\1/p' | head -1)
row "move names recognized (pocketsphinx)" "${heard:-n/a}" "-" "-" ">= 11 of 12"

print_table
