#!/usr/bin/env bash
# The CLI commands' cost (issue 13): `edm-console check` (run every 5 minutes from cron) <= 0.6 s of
# CPU per run, `edm-console status` <= 0.5 s wall. Runs the installed launcher as an operator does,
# on its default config and with --sandbox (when the sandbox is up), one untimed warm-up each, then N
# counted runs interleaved (check, check --sandbox, status, status --sandbox, and again), and prints
# median, min and max of CPU (user + sys of the whole process, from the kernel's accounting of the
# finished child) and wall time against the targets.
set -euo pipefail
BENCH_NAME=commands.sh
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

usage() {
    cat <<'EOF'
Usage: bench/commands.sh [--launcher PATH] [--runs N] [--no-sandbox] [--out DIR] [--help]

  --launcher PATH   the installed launcher (default: edm-console on the PATH)
  --runs N          counted runs of each command (default 5), after one warm-up
  --no-sandbox      only the default config, even when the sandbox is up
  --out DIR         where each command's first output goes (default: a new /tmp dir)
EOF
}

launcher=''
runs=5
use_sandbox=true
out=''
while [ $# -gt 0 ]; do
    case "$1" in
        --launcher) launcher=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --no-sandbox) use_sandbox=false; shift ;;
        --out) out=$2; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs takes a number >= 1; got '$runs'."
launcher=$(resolve_launcher "$launcher")
work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT
[ -n "$out" ] || out=$(mktemp -d /tmp/edm-bench-commands.XXXXXX)
mkdir -p "$out"
mapfile -t envw < <(console_env_words "$work/home")
default_config_note

variants=("check" "status")
if $use_sandbox; then
    if reason=$(sandbox_up_reason "$launcher"); then
        variants=("check" "check --sandbox" "status" "status --sandbox")
    else
        echo "skipped --sandbox: $reason"
    fi
fi

# GNU time reports the peak RSS as well; without it bash's own `time` (the same kernel accounting).
gnu_time=''
if [ -x /usr/bin/time ] && /usr/bin/time -f '%e' -o /dev/null true 2>/dev/null; then gnu_time=/usr/bin/time; fi

# Runs one variant once; appends "wall cpu rss_kib exit" to $work/<variant>.
run_once() {
    local v=$1 file=$work/${1// /_} rc=0 wall user sys rss=NA
    # shellcheck disable=SC2086 # the variant is words on purpose
    if [ -n "$gnu_time" ]; then
        "$gnu_time" -f '%e %U %S %M' -o "$work/t" "${envw[@]}" "$launcher" $v >"$work/out" 2>&1 </dev/null || rc=$?
        # GNU time passes the command's exit code on, and notes it in its file when not 0.
        read -r wall user sys rss < <(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$work/t")
    else
        local TIMEFORMAT='%R %U %S'
        { time "${envw[@]}" "$launcher" $v >"$work/out" 2>&1 </dev/null || rc=$?; } 2>"$work/t"
        read -r wall user sys <"$work/t"
    fi
    echo "$wall $(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}') $rss $rc" >>"$file"
}

echo "warm-up: one untimed run of each of: ${variants[*]}"
for v in "${variants[@]}"; do run_once "$v"; cp "$work/out" "$out/${v// /_}.txt"; rm -f "$work/${v// /_}"; done
echo "counted: $runs runs each, interleaved; load average $(loadavg)"
for ((r = 1; r <= runs; r++)); do
    for v in "${variants[@]}"; do run_once "$v"; done
done

stats() { # FILE COLUMN -> "median [min-max]"
    local col=$2 m lo hi
    m=$(cut -d' ' -f"$col" "$1" | median)
    lo=$(cut -d' ' -f"$col" "$1" | sort -g | head -1)
    hi=$(cut -d' ' -f"$col" "$1" | sort -g | tail -1)
    echo "$m [$lo-$hi]"
}
echo
echo "edm-console CLI commands: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average at the end $(loadavg)"
echo "launcher: $launcher${EDM_CONSOLE_JAVA_OPTS:+ (EDM_CONSOLE_JAVA_OPTS=$EDM_CONSOLE_JAVA_OPTS)}; median [min-max] of $runs runs"
printf '%-18s %-22s %-22s %-10s %-6s %s\n' command "CPU user+sys (s)" "wall (s)" "peak RSS" exit target
for v in "${variants[@]}"; do
    f=$work/${v// /_}
    cpu=$(stats "$f" 2); wall=$(stats "$f" 1)
    rss=$(cut -d' ' -f3 "$f" | median)
    [ "$rss" = NA ] || rss="$(awk -v k="$rss" 'BEGIN {printf "%.0f MiB", k / 1024}')"
    codes=$(cut -d' ' -f4 "$f" | sort -u | paste -sd, -)
    case $v in
        check*) t=$(awk -v v="${cpu%% *}" 'BEGIN {printf "CPU <= 0.6 s: %s", (v <= 0.6) ? "ok" : "MISSED"}') ;;
        status*) t=$(awk -v v="${wall%% *}" 'BEGIN {printf "wall <= 0.5 s: %s", (v <= 0.5) ? "ok" : "MISSED"}') ;;
    esac
    printf '%-18s %-22s %-22s %-10s %-6s %s\n' "$v" "$cpu" "$wall" "$rss" "$codes" "$t"
done
echo "(exit: 0 all well, 1 warning, 2 critical, 3 could not run; on the default config SPEC-006's names do not exist"
echo " here, so 2 is expected. What each printed: $out/*.txt)"
