#!/usr/bin/env bash
# Key press -> frame latency (issue 13: p99 <= 30 ms at 30 and 100 containers, <= 50 ms at 300).
# Starts the installed console in a fresh 200x50 tmux with EDM_CONSOLE_FRAME_TRACE=FILE, sends a
# bounded, repeatable sequence of navigation keys at a human pace, quits, and prints p50/p90/p99/max
# of the console's own trace lines `key<TAB>label<TAB>micros` (key's arrival on the input thread to
# the end of the flush of the frame that shows it) and a summary of its `frame<TAB>reason<TAB>micros`
# lines. Only keys that change nothing are sent, and the console runs --read-only.
set -euo pipefail
BENCH_NAME=keys.sh
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

usage() {
    cat <<'EOF'
Usage: bench/keys.sh [--launcher PATH] [--sandbox] [--keys N] [--pace MS] [--containers N] [--keep]
                     [--out DIR] [--help]

  --launcher PATH   the installed launcher (default: edm-console on the PATH)
  --sandbox         run `edm-console --sandbox` (the sandbox must be up: edm-console sandbox up)
  --keys N          key presses to send (default 300)
  --pace MS         mean gap between keys, +-50 % at random (default 120: a fast typist)
  --containers N    make peer-1..peer-N run first (label edm-bench-peers=1, removed at the end
                    unless --keep); default: measure with the containers that run now
  --out DIR         where the trace and the screens go (default: a new /tmp dir)
  --report FILE     send nothing: summarise a trace written before (e.g. during a walk by hand)

Keys: j k Up Down PgUp PgDn g G Tab Shift-Tab 1-6 z, and ? followed by Esc, in a fixed pseudo-random
order (the same every run). The first key goes out 5 s after the first screen with the names.
EOF
}

launcher=''
sandbox=false
nkeys=300
pace=120
containers=''
keep=false
out=''
report=''
while [ $# -gt 0 ]; do
    case "$1" in
        --launcher) launcher=$2; shift 2 ;;
        --sandbox) sandbox=true; shift ;;
        --keys) nkeys=$2; shift 2 ;;
        --pace) pace=$2; shift 2 ;;
        --containers) containers=$2; shift 2 ;;
        --keep) keep=true; shift ;;
        --out) out=$2; shift 2 ;;
        --report) report=$2; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ $nkeys =~ ^[1-9][0-9]*$ ]] && [ "$nkeys" -le 5000 ] || die "--keys takes a number from 1 to 5000; got '$nkeys'."
[[ $pace =~ ^[1-9][0-9]*$ ]] || die "--pace takes milliseconds; got '$pace'."
# Prints the summary of a trace; fails (exit 3) when it holds no key line.
summarise() {
    local trace=$1 sent=$2 peers=$3 target=30 count p50 p90 p99 max label reason c p q m
    local -a labels reasons
    if [ ! -s "$trace" ] || ! grep -q $'^key\t' "$trace"; then
        echo "the trace is empty: this build has no frame-trace hook (EDM_CONSOLE_FRAME_TRACE is ignored), so no key latency was measured."
        exit 3
    fi
    [ "$peers" -le 100 ] || target=50
    read -r count p50 p90 p99 max < <(awk -F'\t' '$1 == "key" {print $3 / 1000}' "$trace" | percentiles)
    printf 'key -> frame, %d keys traced of %s sent: p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms   (target p99 <= %d ms at %d containers: %s)\n' \
        "$count" "$sent" "$p50" "$p90" "$p99" "$max" "$target" "$peers" "$(awk -v v="$p99" -v t="$target" 'BEGIN {print (v <= t) ? "ok" : "MISSED"}')"
    echo "slowest keys (p99 by label):"
    mapfile -t labels < <(awk -F'\t' '$1 == "key" {print $2}' "$trace" | sort -u)
    for label in "${labels[@]}"; do
        read -r c _ _ q _ < <(awk -F'\t' -v l="$label" '$1 == "key" && $2 == l {print $3 / 1000}' "$trace" | percentiles)
        printf '  %-10s %4d keys  p99 %.1f ms\n' "$label" "$c" "$q"
    done | sort -g -r -k5 | head -5
    echo "frames (render + flush), by reason:"
    mapfile -t reasons < <(awk -F'\t' '$1 == "frame" {print $2}' "$trace" | sort -u)
    for reason in "${reasons[@]}"; do
        read -r c p _ q m < <(awk -F'\t' -v r="$reason" '$1 == "frame" && $2 == r {print $3 / 1000}' "$trace" | percentiles)
        printf '  %-12s %5d frames  p50 %.1f ms  p99 %.1f ms  max %.1f ms\n' "$reason" "$c" "$p" "$q" "$m"
    done
}
if [ -n "$report" ]; then
    [ -r "$report" ] || die "cannot read the trace $report."
    summarise "$report" '?' "${containers:-$(peer_running_count)}"
    exit 0
fi

need_tmux
need_docker
launcher=$(resolve_launcher "$launcher")
if $sandbox && ! reason=$(sandbox_up_reason "$launcher"); then die "$reason"; fi
[ -n "$out" ] || out=$(mktemp -d /tmp/edm-bench-keys.XXXXXX)
mkdir -p "$out"
trace=$out/trace.tsv
rm -f "$trace"
sock=edm-bench-keys-$$
tm() { tmux -L "$sock" "$@"; }
cleanup() {
    tm kill-server 2>/dev/null || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"
    if [ -n "$containers" ] && ! $keep; then remove_our_peers; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -z "$containers" ] || ensure_peers "$containers"
peers=$(peer_running_count)
want=$((peers < 10 ? peers : 10))
[ "$want" -gt 0 ] || note "no peer-N container runs: waiting for any screen instead of one with names (--containers 30 starts some)."

mapfile -t envw < <(console_env_words "$out/home")
args=("$launcher" --read-only)
! $sandbox || args+=(--sandbox)
tm -f /dev/null new-session -d -s keep -x 200 -y 50 'sleep 1000000'
tm new-session -d -s run -x 200 -y 50 "exec$(printf ' %q' "${envw[@]}" "EDM_CONSOLE_FRAME_TRACE=$trace" "${args[@]}")"
t0=$(now_ms)
while :; do
    screen=$(tm capture-pane -p -t run 2>/dev/null || true)
    if [ "$want" -gt 0 ]; then
        [ "$(grep -cE 'peer-[0-9]+' <<<"$screen" || true)" -lt "$want" ] || break
    else
        [ -z "$(tr -d ' \n' <<<"$screen")" ] || break
    fi
    [ "$(tm display -p -t run '#{pane_dead}' 2>/dev/null)" != 1 ] || die "the console exited before its first frame: $(grep -v '^$' <<<"$screen" | tail -3)"
    [ $(($(now_ms) - t0)) -lt 60000 ] || die "no first frame after 60 s."
    sleep 0.05
done
echo "first frame after $(($(now_ms) - t0)) ms; $peers peer containers, $(running_count) running in all; load $(loadavg)"
sleep 5

# The key sequence: weighted towards moving in the list, with panel switches, zoom and help.
pool=(j j j k k k Down Down Up Up NPage PPage g G Tab BTab 1 2 3 4 5 6 1 1 z z '?')
RANDOM=13
sent=0
start_ms=$(now_ms)
while [ "$sent" -lt "$nkeys" ]; do
    key=${pool[RANDOM % ${#pool[@]}]}
    tm send-keys -t run "$key"
    sent=$((sent + 1))
    if [ "$key" = '?' ] && [ "$sent" -lt "$nkeys" ]; then
        sleep "$(awk -v p="$pace" 'BEGIN {printf "%.3f", p / 1000}')"
        tm send-keys -t run Escape
        sent=$((sent + 1))
    fi
    sleep "$(awk -v p="$pace" -v r="$RANDOM" 'BEGIN {printf "%.3f", p * (0.5 + r / 32767) / 1000}')"
done
took=$((($(now_ms) - start_ms) / 1000))
sleep 2
tm capture-pane -p -t run >"$out/screen-last.txt" 2>/dev/null || true
tm send-keys -t run q
for _ in $(seq 100); do [ "$(tm display -p -t run '#{pane_dead}' 2>/dev/null || echo 1)" != 1 ] || break; sleep 0.1; done

echo "sent $sent keys in $took s (pace ~$pace ms); trace: $trace; load $(loadavg)"
summarise "$trace" "$sent" "$peers"
