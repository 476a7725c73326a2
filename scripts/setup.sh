#!/usr/bin/env bash
# Installs what building (and, with "test", testing) Spine Routine needs on
# Debian: the C libraries Fyne and beep compile against, the programs the
# end-to-end tests drive, and the Go tools the checks run. Skips apt when
# every package is present; without root it prints what is missing.
#
#   scripts/setup.sh build    packages to build and run the app
#   scripts/setup.sh test     the above, plus the test tools
set -euo pipefail

mode=${1:-build}

# cgo + OpenGL + X11 + Wayland for Fyne, ALSA for beep's speaker.
build_pkgs=(gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
  libxinerama-dev libxi-dev libxxf86vm-dev libxkbcommon-dev libwayland-dev wayland-protocols
  libasound2-dev)
# A private X display and sound server for the end-to-end tests, the voice
# synthesiser, and the tools that look at what was drawn and heard; time
# (/usr/bin/time) gives scripts/bench.sh the log command's peak memory.
test_pkgs=(xvfb pulseaudio pulseaudio-utils libasound2-plugins espeak-ng sox xdotool
  imagemagick tesseract-ocr time)

pkgs=("${build_pkgs[@]}")
[[ $mode == test ]] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: missing Debian packages: ${missing[*]}" >&2
    echo "setup: install them as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Go itself: the machine's toolchain (Go >= 1.24).
if ! command -v go >/dev/null 2>&1; then
  if [[ -x /usr/local/go/bin/go ]]; then
    export PATH=/usr/local/go/bin:$PATH
  else
    echo "setup: Go >= 1.24 is needed and was not found (install it, then run this again)" >&2
    exit 1
  fi
fi

if [[ $mode == test ]]; then
  gobin=$(go env GOPATH)/bin
  if [[ ! -x $gobin/staticcheck ]] || ! "$gobin/staticcheck" -version | grep -q '0.8.2'; then
    echo "setup: installing staticcheck"
    GOFLAGS= go install honnef.co/go/tools/cmd/staticcheck@v0.8.2
  fi
fi
echo "setup: ok ($mode)"
