#!/usr/bin/env bash
# Dashboard benchmark: runs the installed console in tmux against N running containers and reports
#   - first frame: launch -> first screen showing the containers' names (median of several runs)
#   - the console's CPU while idle and its RSS, over/after a window of 60 s
#   - the extra CPU of the Docker engine (dockerd + containerd) while the console runs
# against the targets. All CPU figures come from /proc/PID/stat (utime + stime), so they include
# everything the process did, not a sample. See bench/README.md.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: bench/dashboard.sh [--launcher PATH] [--containers N] [--runs N] [--window SECONDS]
                          [--first-frame-only] [--keep] [--help]

  --launcher PATH     the installed launcher (default: edm-console on the PATH)
  --containers N      running containers to create, named bench-01.. (default 30)
  --runs N            launches for the first-frame median (default 5)
  --window SECONDS    idle measurement window (default 60)
  --first-frame-only  skip the idle CPU / RSS / engine measurement
  --keep              keep the bench containers afterwards (faster re-runs)

Environment: EDM_CONSOLE_JAVA_OPTS is passed to the console (e.g. to compare JVM flags),
BENCH_IMAGE names the image to run (default edm-bench-busybox:1, built FROM scratch with the
host's static busybox when missing).
EOF
}

launcher=$(command -v edm-console || true)
containers=30
runs=5
window=60
idle=true
keep=false
settle=5
image=${BENCH_IMAGE:-edm-bench-busybox:1}
while [ $# -gt 0 ]; do
    case "$1" in
        --launcher) launcher=$2; shift 2 ;;
        --containers) containers=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --window) window=$2; shift 2 ;;
        --first-frame-only) idle=false; shift ;;
        --keep) keep=true; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "dashboard.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

die() { echo "dashboard.sh: $*" >&2; exit 1; }
{ [ -n "$launcher" ] && [ -x "$launcher" ]; } || die "no launcher: install first (./install.sh) or pass --launcher PATH."
command -v tmux >/dev/null || die "tmux is needed (apt-get install -y tmux)."
docker version >/dev/null 2>&1 || die "the Docker engine is not reachable (docker version failed)."

work=$(mktemp -d)
sock=edm-bench-$$
tmux_() { tmux -L "$sock" "$@"; }
cleanup() {
    tmux_ kill-server 2>/dev/null || true
    if ! $keep; then
        remove_containers
    fi
    rm -rf -- "$work"
}
trap cleanup EXIT

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# The image: tiny, its only file a static busybox.
ensure_image() {
    docker image inspect "$image" >/dev/null 2>&1 && return
    local bb=''
    for c in /bin/busybox /usr/bin/busybox; do
        [ -x "$c" ] && bb=$c && break
    done
    [ -n "$bb" ] || die "no $image and no busybox to build it (apt-get install -y busybox-static)."
    if command -v ldd >/dev/null && ldd "$bb" >/dev/null 2>&1; then
        die "$bb is dynamically linked; a FROM scratch image needs busybox-static."
    fi
    mkdir -p "$work/image"
    cp "$bb" "$work/image/busybox"
    printf 'FROM scratch\nCOPY busybox /bin/busybox\nENTRYPOINT ["/bin/busybox"]\nCMD ["sleep", "86400"]\n' \
        >"$work/image/Dockerfile"
    echo "building $image from $bb..."
    docker build -q -t "$image" "$work/image" >/dev/null
}

name_of() { printf 'bench-%02d' "$1"; }

remove_containers() {
    local ids
    ids=$(docker ps -aq --filter label=edm-bench=1)
    # shellcheck disable=SC2086 # a list of ids
    [ -z "$ids" ] || docker rm -f $ids >/dev/null
}

create_containers() {
    remove_containers
    echo "starting $containers containers from $image..."
    for i in $(seq 1 "$containers"); do
        docker run -d --label edm-bench=1 --name "$(name_of "$i")" "$image" sleep 86400 >/dev/null
    done
}

# utime + stime of the given pids, plus cutime + cstime (children they waited for, e.g. a command
# a library runs on each sample), in clock ticks.
cpu_ticks() {
    local total=0 pid stat
    for pid in "$@"; do
        stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
        # Fields after the command name, which is in parentheses and may hold spaces.
        # shellcheck disable=SC2086 # split into fields on purpose
        set -- ${stat##*) }
        total=$((total + ${12} + ${13} + ${14} + ${15}))
    done
    echo "$total"
}

engine_pids() { pidof dockerd containerd 2>/dev/null || true; }

# Starts the console in a fresh tmux session; prints the console's pid. The launch time is
# written by the pane's own shell right before it execs the launcher.
launch() {
    tmux_ kill-server 2>/dev/null || true
    printf 'readOnly: true\nprojectDir: %s\n' "$work" >"$work/bench.yml"
    tmux_ new-session -d -s bench -x 120 -y 40 \
        "date +%s%N > '$work/t0'; exec env HOME='$work' XDG_STATE_HOME='$work/state' '$launcher' --lang en --config '$work/bench.yml'"
    tmux_ display -p -t bench '#{pane_pid}' | tee "$work/pid"
}

# Polls the pane every ~10 ms until a bench container's name shows; prints milliseconds since launch
# and, in $work/cpu, the CPU milliseconds the console had used by then (less sensitive than wall
# time to what else runs on the machine).
first_frame_ms() {
    local deadline=$(($(now_ms) + 30000))
    while ! tmux_ capture-pane -p -t bench 2>/dev/null | grep -q 'bench-[0-9][0-9]'; do
        [ "$(now_ms)" -lt "$deadline" ] || die "no container names on screen after 30 s; screen: $(tmux_ capture-pane -p -t bench 2>&1)"
        sleep 0.01
    done
    local seen
    seen=$(now_ms)
    echo $(($(cpu_ticks "$(cat "$work/pid")") * 1000 / hz)) >"$work/cpu"
    echo $((seen - $(cat "$work/t0") / 1000000))
}

quit_console() {
    tmux_ send-keys -t bench q
    local deadline=$(($(now_ms) + 10000))
    while tmux_ has-session -t bench 2>/dev/null; do
        [ "$(now_ms)" -lt "$deadline" ] || { tmux_ kill-server; break; }
        sleep 0.05
    done
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN {print (v <= t) ? "ok" : "MISSED"}'; }

ensure_image
create_containers
sleep 2

hz=$(getconf CLK_TCK)
frames=()
cpus=()
echo "first frame, $runs runs..."
# One untimed launch first, so every timed run finds the OS page cache equally warm.
launch >/dev/null
first_frame_ms >/dev/null
quit_console
for r in $(seq 1 "$runs"); do
    launch >/dev/null
    first_frame_ms >"$work/ms"
    ms=$(cat "$work/ms")
    frames+=("$ms")
    cpus+=("$(cat "$work/cpu")")
    echo "  run $r: $ms ms (console CPU $(cat "$work/cpu") ms)"
    quit_console
done
frame_median=$(printf '%s\n' "${frames[@]}" | median)
cpu_median=$(printf '%s\n' "${cpus[@]}" | median)
if $idle; then
    # shellcheck disable=SC2046 # a list of pids
    set -- $(engine_pids)
    echo "engine baseline: ${window} s without the console..."
    e0=$(cpu_ticks "$@"); sleep "$window"; e1=$(cpu_ticks "$@")

    pid=$(launch)
    first_frame_ms >/dev/null
    [ "$(cat "/proc/$pid/comm")" = java ] || die "pid $pid is $(cat "/proc/$pid/comm"), not java: the launcher must exec the JVM."
    sleep "$settle"
    echo "console idle: ${window} s with the console (pid $pid)..."
    c0=$(cpu_ticks "$pid"); e2=$(cpu_ticks "$@"); sleep "$window"
    c1=$(cpu_ticks "$pid"); e3=$(cpu_ticks "$@")
    rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
    quit_console

    console_cpu=$(awk -v d=$((c1 - c0)) -v hz="$hz" -v w="$window" 'BEGIN {printf "%.2f", 100 * d / hz / w}')
    engine_base=$(awk -v d=$((e1 - e0)) -v hz="$hz" -v w="$window" 'BEGIN {printf "%.2f", 100 * d / hz / w}')
    engine_with=$(awk -v d=$((e3 - e2)) -v hz="$hz" -v w="$window" 'BEGIN {printf "%.2f", 100 * d / hz / w}')
    engine_extra=$(awk -v a="$engine_with" -v b="$engine_base" 'BEGIN {printf "%.2f", a - b}')
    rss_mib=$(awk -v k="$rss_kb" 'BEGIN {printf "%.1f", k / 1024}')
fi

echo
echo "edm-console dashboard benchmark: $containers containers, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "launcher: $launcher${EDM_CONSOLE_JAVA_OPTS:+ (EDM_CONSOLE_JAVA_OPTS=$EDM_CONSOLE_JAVA_OPTS)}"
printf '%-38s %14s %10s  %s\n' "figure" "measured" "target" ""
printf '%-38s %11s ms %7s ms  %s   (runs: %s)\n' "first frame with names (median of $runs)" "$frame_median" 500 \
    "$(verdict "$frame_median" 500)" "${frames[*]}"
printf '%-38s %11s ms %10s  %s   (runs: %s)\n' "console CPU until that frame (median)" "$cpu_median" "" "" "${cpus[*]}"
if $idle; then
    printf '%-38s %12s %% %8s %%  %s\n' "console CPU while idle (${window} s)" "$console_cpu" 1 "$(verdict "$console_cpu" 1)"
    printf '%-38s %10s MiB %6s MiB  %s\n' "console RSS after $((window + settle)) s" "$rss_mib" 96 "$(verdict "$rss_mib" 96)"
    printf '%-38s %12s %% %8s %%  %s   (engine %s %% with, %s %% without)\n' "engine extra CPU (dockerd+containerd)" \
        "$engine_extra" 1 "$(verdict "$engine_extra" 1)" "$engine_with" "$engine_base"
fi
echo "(CPU in % of one core; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
