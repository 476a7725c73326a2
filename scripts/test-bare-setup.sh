#!/usr/bin/env bash
# Shows that "make run" builds and opens the app on a Debian 12 whose only Go
# is Debian's (or none), as the README's set-up promises. Run as root: in a
# private mount namespace /usr/local/go is hidden, PATH is cut down to
# Debian's directories (plus Debian's own Go 1.19, /usr/lib/go-1.19/bin, when
# golang-1.19-go is installed; GO=none leaves it out), HOME is empty (so no Go
# tools nor build cache) and GOTOOLCHAIN=local as some machines set it. Then
# "make run", in a copy of the working tree, must set up Go (golang-1.23 from
# bookworm-backports when needed, the toolchain go.mod needs through the
# module proxy), build, and open the window, which is looked for on a private
# Xvfb display. The module download cache is shared with the machine's
# (GOMODCACHE) to spare the network.
#
#   scripts/test-bare-setup.sh            prints what it did and "bare-setup: ok"
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[[ $(id -u) -eq 0 ]] || { echo "bare-setup: run as root" >&2; exit 1; }
if [[ ${1:-} != --inside ]]; then
  exec unshare --mount --propagation private "$0" --inside
fi

modcache=$( (GOTOOLCHAIN=local go env GOMODCACHE) 2>/dev/null || echo /root/go/pkg/mod)
[[ -d /usr/local/go ]] && mount -t tmpfs none /usr/local/go
tmp=$(mktemp -d /tmp/bare-setup.XXXXXX)
mkdir -p "$tmp/home" "$tmp/src"
tar -C "$root" --exclude=./bin --exclude=./build -cf - . | tar -C "$tmp/src" -xf -
path=/usr/sbin:/usr/bin:/sbin:/bin
[[ ${GO:-debian} == debian && -x /usr/lib/go-1.19/bin/go ]] && path=/usr/lib/go-1.19/bin:$path
app='' xvfb=''
cleanup() {
  set +e
  [[ -n $app ]] && kill -- "-$app" 2>/dev/null
  [[ -n $xvfb ]] && kill "$xvfb" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
# A private X display on a free number (Xvfb picks it and writes it to fd 3).
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" >"$tmp/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 50); do [[ -s $tmp/display ]] && break; sleep 0.1; done
[[ -s $tmp/display ]] || { echo "bare-setup: Xvfb did not start" >&2; cat "$tmp/xvfb.log" >&2; exit 1; }
display=:$(head -n1 "$tmp/display")

bare() {
  env -i HOME="$tmp/home" PATH="$path" LANG=C.UTF-8 GOTOOLCHAIN=local GOFLAGS=-buildvcs=false \
    GOMODCACHE="$modcache" DISPLAY="$display" "$@"
}

echo "bare-setup: PATH=$path"
echo "bare-setup: go on PATH: $(bare bash -c 'command -v go && go version' || echo none)"
start=$SECONDS
cd "$tmp/src"
setsid env -i HOME="$tmp/home" PATH="$path" LANG=C.UTF-8 GOTOOLCHAIN=local GOFLAGS=-buildvcs=false \
  GOMODCACHE="$modcache" DISPLAY="$display" make run >"$tmp/make.log" 2>&1 &
app=$!
window=''
while [[ -z $window ]] && kill -0 "$app" 2>/dev/null; do
  sleep 2
  window=$(DISPLAY=$display xdotool search --name '^Spine Routine$' 2>/dev/null | head -n1 || true)
done
grep -E '^(setup|go: downloading go1|go: (toolchain|switching))' "$tmp/make.log" | sed 's/^/bare-setup: | /' || true
if [[ -z $window ]]; then
  echo "bare-setup: FAILED, make run ended without a window; its output:" >&2
  tail -n 40 "$tmp/make.log" >&2
  exit 1
fi
echo "bare-setup: make run opened the window \"$(DISPLAY=$display xdotool getwindowname "$window")\" after $((SECONDS - start)) s"
echo "bare-setup: bin/spineroutine --version: $(bare bin/spineroutine --version)"
echo "bare-setup: ok"
