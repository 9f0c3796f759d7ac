#!/usr/bin/env bash
# RSS soak (issue 13: RSS flat, +-5 %, over 30 minutes with the sandbox's chatty logs). Runs the
# installed console on the sandbox in a 200x50 tmux, takes the first RSS sample 60 s after the first
# frame (the issue's "RSS after 60 s") and then one every 30 s, each summed over the console's process
# tree, and reports first/last/min/max, the largest deviation from the first sample and whether every
# sample stayed within +-5 % of it. Also the console's CPU over each interval.
set -euo pipefail
BENCH_NAME=soak.sh
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

usage() {
    cat <<'EOF'
Usage: bench/soak.sh [--launcher PATH] [--minutes M] [--interval S] [--warmup S] [--panel KEY]
                     [--up] [--out DIR] [--help]

  --launcher PATH   the installed launcher (default: edm-console on the PATH)
  --minutes M       length of the soak from the first frame (default 30)
  --interval S      seconds between RSS samples (default 30)
  --warmup S        seconds from the first frame to the first sample, the reference (default 60)
  --panel KEY       a key sent after the first frame, e.g. 3 for the log view (default: none, the
                    start screen, as an operator leaves it)
  --up              run `edm-console sandbox up` first if the sandbox is not up, and
                    `edm-console sandbox down` at the end when this script brought it up

The sandbox is shared by everyone on the engine: hold the lock the integration tests take
(the POSIX lock on /tmp/edm-console-sandbox.lock, see SandboxFixture) for the whole soak.
EOF
}

launcher=''
minutes=30
interval=30
warmup=60
panel=''
up=false
out=''
while [ $# -gt 0 ]; do
    case "$1" in
        --launcher) launcher=$2; shift 2 ;;
        --minutes) minutes=$2; shift 2 ;;
        --interval) interval=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        --panel) panel=$2; shift 2 ;;
        --up) up=true; shift ;;
        --out) out=$2; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ $minutes =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "--minutes takes a number; got '$minutes'."
[[ $interval =~ ^[1-9][0-9]*$ ]] || die "--interval takes seconds; got '$interval'."
[[ $warmup =~ ^[0-9]+$ ]] || die "--warmup takes seconds; got '$warmup'."
need_tmux
need_docker
launcher=$(resolve_launcher "$launcher")
[ -n "$out" ] || out=$(mktemp -d /tmp/edm-bench-soak.XXXXXX)
mkdir -p "$out"
samples=$out/samples.tsv
sock=edm-bench-soak-$$
tm() { tmux -L "$sock" "$@"; }
brought_up=false
cleanup() {
    tm kill-server 2>/dev/null || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"
    if $brought_up; then
        echo "sandbox down (this script brought it up)..."
        "$launcher" --lang en sandbox down >/dev/null || note "edm-console sandbox down failed: take it down by hand."
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! reason=$(sandbox_up_reason "$launcher"); then
    $up || die "$reason; or pass --up."
    echo "sandbox up..."
    brought_up=true
    "$launcher" --lang en sandbox up >"$out/sandbox-up.log" 2>&1 || die "edm-console sandbox up failed: $(tail -3 "$out/sandbox-up.log")"
    reason=$(sandbox_up_reason "$launcher") || die "$reason"
fi

mapfile -t envw < <(console_env_words "$out/home")
tm -f /dev/null new-session -d -s keep -x 200 -y 50 'sleep 1000000'
tm new-session -d -s run -x 200 -y 50 "exec$(printf ' %q' "${envw[@]}" "$launcher" --sandbox)"
pid=$(tm display -p -t run '#{pane_pid}')
t0=$(now_ms)
until [ "$(tm capture-pane -p -t run 2>/dev/null | grep -cE 'edm-[a-z]+-sandbox' || true)" -ge 3 ]; do
    kill -0 "$pid" 2>/dev/null || die "the console exited before its first frame."
    [ $(($(now_ms) - t0)) -lt 60000 ] || die "no sandbox container names on screen after 60 s."
    sleep 0.1
done
tfirst=$(now_ms)
echo "console pid $pid: first frame after $((tfirst - t0)) ms; soak $minutes min, a sample every $interval s after $warmup s; load $(loadavg)"
[ -z "$panel" ] || tm send-keys -t run "$panel"

hz=$(getconf CLK_TCK)
ticks() { local p s t=0 f; for p in $(tree_pids "$pid"); do
    s=$(cat "/proc/$p/stat" 2>/dev/null) || continue; s=${s##*) }; read -ra f <<<"$s"
    t=$((t + f[11] + f[12] + f[13] + f[14])); done; echo "$t"; }
# (bash adds: awk's %d would overflow on epoch milliseconds)
end=$((tfirst + $(awk -v m="$minutes" 'BEGIN {printf "%.0f", m * 60000}')))
printf 'elapsed_s\trss_mib\tcpu_pct\tload1\n' >"$samples"
prev_t=$(ticks); prev_ms=$(now_ms)
sleep "$warmup"
while :; do
    kill -0 "$pid" 2>/dev/null || { tm capture-pane -p -t run >"$out/screen-last.txt" 2>/dev/null || true; die "the console (pid $pid) exited during the soak; samples: $samples"; }
    t=$(ticks); ms=$(now_ms)
    rss=$(awk -v k="$(tree_rss_kb "$pid")" 'BEGIN {printf "%.1f", k / 1024}')
    cpu=$(awk -v d=$((t - prev_t)) -v hz="$hz" -v w=$((ms - prev_ms)) 'BEGIN {printf "%.2f", (w > 0) ? 100 * d / hz / (w / 1000) : 0}')
    printf '%d\t%s\t%s\t%s\n' $(((ms - tfirst) / 1000)) "$rss" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$samples" | \
        awk -F'\t' '{printf "  %5d s  RSS %6.1f MiB  CPU %5.2f %%  load %s\n", $1, $2, $3, $4}'
    prev_t=$t; prev_ms=$ms
    [ $((ms + interval * 1000)) -le "$end" ] || break
    sleep "$interval"
done
tm capture-pane -p -t run >"$out/screen-last.txt" 2>/dev/null || true
still=$(sandbox_up_reason "$launcher" || true)

echo
echo "edm-console RSS soak on the sandbox: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average at the end $(loadavg)"
echo "launcher: $launcher${EDM_CONSOLE_JAVA_OPTS:+ (EDM_CONSOLE_JAVA_OPTS=$EDM_CONSOLE_JAVA_OPTS)}${panel:+; key $panel after the first frame}"
awk -F'\t' 'NR > 1 { n++; r[n] = $2; t[n] = $1; if (n > 1) c += $3
        if (n == 1 || $2 < mn) mn = $2; if (n == 1 || $2 > mx) mx = $2 }
    END {
        if (!n) { print "no samples"; exit 1 }
        dev = 0; for (i = 1; i <= n; i++) { d = (r[i] - r[1]) / r[1] * 100; if (d < 0) d = -d; if (d > dev) dev = d }
        printf "RSS over %d samples, %d s to %d s after the first frame:\n", n, t[1], t[n]
        printf "  first %.1f MiB  last %.1f MiB  min %.1f MiB  max %.1f MiB  (last - first: %+.1f %%)\n", r[1], r[n], mn, mx, (r[n] - r[1]) / r[1] * 100
        printf "  largest deviation from the first sample: %.1f %%: %s (target: within +-5 %%)\n", dev, (dev <= 5) ? "flat, ok" : "NOT flat, MISSED"
        if (n > 1) printf "console CPU, mean over the %d intervals after the first sample: %.2f %% of a core\n", n - 1, c / (n - 1)
    }' "$samples"
[ -z "$still" ] || echo "warning: at the end the sandbox was no longer up ($still): the soak did not see every probe answering throughout."
echo "samples: $samples"
