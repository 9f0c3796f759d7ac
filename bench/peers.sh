#!/usr/bin/env bash
# Peer comparison (issue 13): the installed console against the no-tool baseline and against
# lazydocker, ctop and glances when they are on the PATH, with N busybox containers printing a line a
# second, every tool measured by the same harness (bench/measure-tui.sh) with the issue's settings:
# fresh 200x50 tmux, first frame = first screen with >= 10 container names, CPU of the process tree
# over 30 s idle after 8 s, RSS summed over the tree, engine = dockerd + containerd over the same
# window, median of 3. Prints the issue's table (markdown) with ratios against edm-console and writes
# the raw TSV. Runs on demand, never in `mvn verify`. See bench/README.md.
set -euo pipefail
BENCH_NAME=peers.sh
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

usage() {
    cat <<'EOF'
Usage: bench/peers.sh [--containers 30,100[,300]] [--tools LIST] [--launcher PATH] [--runs N]
                      [--out DIR] [--keep] [--first-frame-only] [--settle S] [--idle S] [--help]

  --containers LIST   numbers of running peer containers peer-1..peer-N, one measurement each
                      (default 30,100; 300 on request: --containers 30,100,300)
  --tools LIST        comma list, in this order by default:
                      baseline,lazydocker,ctop,glances,edm-console,edm-console-sandbox
                      (baseline = no tool: `sleep 1d`; edm-console = the installed launcher on its
                      default config; edm-console-sandbox = `edm-console --sandbox`, only while
                      `edm-console sandbox status` shows the sandbox up; peers only when on the PATH)
  --launcher PATH     the installed launcher (default: edm-console on the PATH)
  --runs N            runs of each tool; the table shows the median (default 3). The runs are
                      interleaved: round 1 runs every tool once, then round 2, and so on
  --out DIR           where the raw TSV, the table and the screens go (default: a new /tmp dir)
  --report DIR        measure nothing: print the table again from DIR/raw.tsv (all its lines)
  --keep              keep the peer containers this script started (faster re-runs)
  --first-frame-only  only the first frame (settle 0, idle 1 s); the other columns read "-"
  --settle S, --idle S  the harness's settle and idle window (default 8 and 30, the issue's)

The containers this script starts carry the label edm-bench-peers=1; only those are removed. Running
peer-N containers that others started are reused and left alone.
Environment: EDM_CONSOLE_JAVA_OPTS reaches the console (to compare JVM flags); BENCH_IMAGE is the
peer image (default edm-bench-busybox:1, built FROM scratch with the host's static busybox).
EOF
}

containers=30,100
tools=baseline,lazydocker,ctop,glances,edm-console,edm-console-sandbox
launcher=''
runs=3
out=''
report=''
keep=false
first_only=false
settle=8
idle=30
declare -A VERSION=() SKIPPED=()
while [ $# -gt 0 ]; do
    case "$1" in
        --containers) containers=$2; shift 2 ;;
        --tools) tools=$2; shift 2 ;;
        --launcher) launcher=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --report) report=$2; shift 2 ;;
        --keep) keep=true; shift ;;
        --first-frame-only) first_only=true; shift ;;
        --settle) settle=$2; shift 2 ;;
        --idle) idle=$2; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ $containers =~ ^[0-9]+(,[0-9]+)*$ ]] || die "--containers takes a comma list of numbers, e.g. 30,100,300; got '$containers'."
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs takes a number >= 1; got '$runs'."
IFS=, read -ra NS <<<"$containers"
IFS=, read -ra TOOLS <<<"$tools"
for t in "${TOOLS[@]}"; do
    case $t in baseline | edm-console | edm-console-sandbox | lazydocker | ctop | glances) ;;
        *) die "unknown tool '$t' in --tools (known: baseline, edm-console, edm-console-sandbox, lazydocker, ctop, glances)." ;;
    esac
done
if $first_only; then settle=0; idle=1; fi
if [ -n "$report" ]; then
    [ -s "$report/raw.tsv" ] || die "no $report/raw.tsv to report on."
    out=$report
    # shellcheck source=/dev/null # written by the measuring run
    . "$report/settings"
    mapfile -t NS < <(awk -F'\t' 'NR > 1 && !seen[$1]++ {print $1}' "$report/raw.tsv")
    mapfile -t TOOLS < <(awk -F'\t' 'NR > 1 && !seen[$2]++ {print $2}' "$report/raw.tsv")
    keep=true
else
    need_tmux
    need_docker
    launcher=$(resolve_launcher "$launcher")
    [ -n "$out" ] || out=$(mktemp -d /tmp/edm-bench-peers.XXXXXX)
    mkdir -p "$out/screens"
    printf 'settle=%q idle=%q runs=%q first_only=%q EDM_CONSOLE_JAVA_OPTS=%q\n' "$settle" "$idle" "$runs" "$first_only" \
        "${EDM_CONSOLE_JAVA_OPTS:-}" >"$out/settings"
fi
raw=$out/raw.tsv
table=$out/table.md
work=$(mktemp -d)
cleanup() {
    $keep || remove_our_peers
    rm -rf -- "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# What a peer calls its version flag, and how to tell whether it can show containers at all.
version_of() {
    local v
    case $1 in
        edm-console*) v=$("$launcher" --version 2>/dev/null | head -1) ;;
        lazydocker) v=$(timeout 10 lazydocker --version 2>&1 | grep -i '^version' || timeout 10 lazydocker --version 2>&1 | head -1) ;;
        ctop) v=$(timeout 10 ctop -v 2>&1 | head -1) ;;
        glances) v=$(timeout 10 glances -V 2>&1 | head -1) ;;
        *) v='' ;;
    esac
    # The first version number; else what the tool said (so a stand-in shows as one); else nothing.
    local num
    num=$(echo "$v" | grep -oE '[0-9]+\.[0-9]+(\.[0-9]+)*' | head -1 || true)
    if [ -n "$num" ]; then echo "$num"; else echo "$v" | tr -d '\t' | cut -c1-40; fi
}
glances_ready() {
    # Its containers plugin needs the docker and dateutil Python modules, else it shows no container.
    local py
    py=$(head -1 "$(command -v glances)" | sed -n 's/^#! *//p' | awk '{print $NF ~ /python/ ? $NF : $1}')
    case $py in */env) py=python3 ;; '') py=python3 ;; esac
    if ! "$py" -c 'import docker, dateutil' 2>/dev/null; then
        echo "glances shows no containers without its plugin's modules: apt-get install -y python3-docker python3-dateutil"
        return 1
    fi
}
# Prints why a tool cannot run now (and fails), or nothing.
unavailable() {
    case $1 in
        baseline | edm-console) return 0 ;;
        edm-console-sandbox) sandbox_up_reason "$launcher" ;;
        lazydocker | ctop | glances)
            command -v "$1" >/dev/null || { echo "not on the PATH"; return 1; }
            [ "$1" != glances ] || glances_ready
            ;;
    esac
}
command_of() {
    case $1 in
        baseline) echo sleep; echo 1d ;;
        edm-console) console_env_words "$work/home"; echo "$launcher" ;;
        edm-console-sandbox) console_env_words "$work/home"; echo "$launcher"; echo --sandbox ;;
        *) command -v "$1" ;;
    esac
}

# One run of each tool per round, rounds inside each N; appends to the raw TSV.
measure_all() {
    local n round tool reason min regex running peers line fp cpu rss hwm eng
    local -a cmd
    for n in "${NS[@]}"; do
        ensure_peers "$n"
        for ((round = 1; round <= runs; round++)); do
            for tool in "${TOOLS[@]}"; do
                if ! reason=$(unavailable "$tool"); then
                    printf '%s\t%s\n' "$tool" "$reason" >>"$out/skipped"
                    SKIPPED[$tool]=$reason
                    echo "N=$n round $round/$runs $tool: skipped ($reason)"
                    continue
                fi
                [ -n "${VERSION[$tool]+x}" ] || VERSION[$tool]=$(version_of "$tool")
                mapfile -t cmd < <(command_of "$tool")
                min=10
                [ "$tool" != baseline ] || min=0
                # The sandbox's five containers take rows of the list: they are container names too.
                regex='peer-[0-9]+'
                [ "$tool" != edm-console-sandbox ] || regex='peer-[0-9]+|edm-[a-z]+-sandbox'

                mkdir -p "$out/screens/N$n"
                rm -f "$work/one.tsv"
                running=$(running_count)
                peers=$(peer_running_count)
                bash "$BENCH_DIR/measure-tui.sh" -R 1 -r "$regex" -m "$min" -s "$settle" -i "$idle" -T 60 -c 0 \
                    -l "$tool-r$round" -o "$work/one.tsv" -d "$out/screens/N$n" -- "${cmd[@]}" >/dev/null
                line=$(grep -v -e "^label" -e MEDIAN "$work/one.tsv" 2>/dev/null | head -1 || true)
                IFS=$'\t' read -r _ _ fp cpu rss hwm eng <<<"$line"
                printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "${VERSION[$tool]}" "$round" \
                    "$fp" "$cpu" "$rss" "$hwm" "$eng" "$(cut -d' ' -f1 /proc/loadavg)" "$running" "$peers" \
                    "$(date -u +%H:%M:%S)" >>"$raw"
                echo "N=$n round $round/$runs $tool: first frame $fp ms, CPU $cpu %, RSS $rss MiB, engine $eng % (load $(loadavg))"
                sleep 5 # the harness's cool-down between runs
            done
        done
    done
}

if [ -z "$report" ]; then
    [ -s "$raw" ] || printf 'n\ttool\tversion\tround\tfirst_paint_ms\tcpu_pct\trss_mib\thwm_mib\tengine_cpu_pct\tload1\tcontainers_running\tpeers_running\ttime_utc\n' >"$raw"
    since=$(wc -l <"$raw") # the lines after this one are this invocation's
    default_config_note
    echo "raw TSV: $raw   screens: $out/screens   (load average at the start: $(loadavg))"
    started=$(now_ms)
    measure_all
    took=" · took $((($(now_ms) - started) / 60000)) min $((($(now_ms) - started) / 1000 % 60)) s"
else
    since=1
    took=''
    while IFS=$'\t' read -r tool reason; do SKIPPED[$tool]=$reason; done < <(cat "$out/skipped" 2>/dev/null || true)
fi
# (awk, not read: a tab is whitespace to read, so an empty version would shift the fields)
while IFS=$'\t' read -r tool version; do VERSION[$tool]=$version; done < <(awk -F'\t' 'NR > 1 {print $2 "\t" $3}' "$raw")

# ---- the table, from the raw TSV lines of this run's N and tools -----------------------------------
med_of() { # N TOOL COLUMN -> median over the runs of this invocation (NA dropped)
    awk -F'\t' -v n="$1" -v t="$2" -v c="$3" -v since="$4" 'NR > since && $1 == n && $2 == t && $c != "NA" && $c != "" {print $c}' "$raw" | median
}
runs_of() { awk -F'\t' -v n="$1" -v t="$2" -v since="$3" 'NR > since && $1 == n && $2 == t' "$raw" | wc -l; }
painted_of() { awk -F'\t' -v n="$1" -v t="$2" -v since="$3" 'NR > since && $1 == n && $2 == t && $5 != "NA"' "$raw" | wc -l; }
fmt() { # VALUE FORMAT SUFFIX -> formatted, or "–" for NA/empty
    if [ -z "$1" ] || [ "$1" = NA ]; then echo "–"; else awk -v v="$1" -v f="$2" -v s="$3" 'BEGIN {printf f "%s\n", v, s}'; fi
}
ratio() { # A B [MIN] -> A/B, or "–" when either is missing or B is below MIN (default 0.05): no ratio of noise
    awk -v a="$1" -v b="$2" -v m="${3:-0.05}" 'BEGIN { if (a == "NA" || b == "NA" || a == "" || b == "" || b + 0 < m || a + 0 < 0) print "–"; else printf "%.2f×\n", a / b }'
}
name_of() {
    case $1 in
        baseline) echo "no tool (baseline)" ;;
        edm-console) echo "**edm-console ${VERSION[$1]:-}** (default config)" ;;
        edm-console-sandbox) echo "**edm-console ${VERSION[$1]:-}** --sandbox" ;;
        *) echo "$1 ${VERSION[$1]:-}" ;;
    esac
}
target() { # N FIGURE -> the issue's target for that many containers
    local col=3
    [ "$1" -le 30 ] && col=1 || { [ "$1" -le 100 ] && col=2; }
    case $2 in
        frame) echo "300 350 600" ;; cpu) echo "1.0 1.5 3" ;; rss) echo "72 80 96" ;; engine) echo "0.5 0.5 1" ;;
    esac | cut -d' ' -f"$col"
}
{
    echo "edm-console peer comparison: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average at the end $(loadavg)"
    echo "harness bench/measure-tui.sh: fresh 200x50 tmux, first frame = first screen with >= 10 container names," \
        "CPU of the process tree over $idle s idle after $settle s, RSS summed over the tree, engine = dockerd + containerd" \
        "over the same window; median of $runs runs, interleaved${EDM_CONSOLE_JAVA_OPTS:+; EDM_CONSOLE_JAVA_OPTS=$EDM_CONSOLE_JAVA_OPTS}"
    echo
    echo "| tool | N | first frame | own CPU idle | RSS | engine CPU (dockerd+containerd) | engine above baseline | tool + engine above baseline |"
    echo "|---|---|---|---|---|---|---|---|"
    for n in "${NS[@]}"; do
        base=$(med_of "$n" baseline 9 "$since")
        for tool in "${TOOLS[@]}"; do
            [ "$(runs_of "$n" "$tool" "$since")" -gt 0 ] || continue
            fp=$(med_of "$n" "$tool" 5 "$since"); cpu=$(med_of "$n" "$tool" 6 "$since")
            rss=$(med_of "$n" "$tool" 7 "$since"); eng=$(med_of "$n" "$tool" 9 "$since")
            if $first_only; then cpu=NA; rss=NA; eng=NA; fi
            above=NA; sum=NA
            if [ "$tool" != baseline ] && [ "$base" != NA ] && [ "$eng" != NA ]; then
                above=$(awk -v e="$eng" -v b="$base" 'BEGIN {printf "%.2f", e - b}')
                [ "$cpu" = NA ] || sum=$(awk -v c="$cpu" -v a="$above" 'BEGIN {printf "%.2f", c + a}')
            fi
            painted=$(painted_of "$n" "$tool" "$since"); total=$(runs_of "$n" "$tool" "$since")
            fps=$(fmt "$fp" '%d' ' ms')
            [ "$tool" = baseline ] && fps="–"
            [ "$tool" = baseline ] || [ "$painted" = "$total" ] || fps="$fps ($painted of $total painted)"
            if [ "$tool" = baseline ]; then
                echo "| $(name_of "$tool") | $n | – | – | – | $(fmt "$eng" '%.2f' ' %') | – | – |"
            else
                echo "| $(name_of "$tool") | $n | $fps | $(fmt "$cpu" '%.2f' ' %') | $(fmt "$rss" '%.1f' ' MiB') |" \
                    "$(fmt "$eng" '%.2f' ' %') | $(fmt "$above" '%+.2f' '') | $(fmt "$sum" '%.2f' ' %') |"
            fi
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$fp" "$cpu" "$rss" "$above" "$sum" >>"$work/medians"
        done
    done
    if [ -s "$work/medians" ] && grep -qP '\tedm-console\t' "$work/medians"; then
        echo
        echo "Ratios against edm-console on its default config, same N (tool ÷ edm-console: above 1 means edm-console is faster or lighter;"
        echo "no ratio of engine CPU above the baseline while edm-console's is below 0.5 points, within the baseline's own noise):"
        echo
        echo "| tool | N | first frame | own CPU idle | RSS | engine above baseline | tool + engine above baseline |"
        echo "|---|---|---|---|---|---|---|"
        while IFS=$'\t' read -r n tool fp cpu rss above sum; do
            case $tool in baseline | edm-console) continue ;; esac
            IFS=$'\t' read -r _ _ efp ecpu erss eabove esum < <(awk -F'\t' -v n="$n" '$1 == n && $2 == "edm-console"' "$work/medians")
            [ -n "${efp:-}" ] || continue
            echo "| $(name_of "$tool") | $n | $(ratio "$fp" "$efp") | $(ratio "$cpu" "$ecpu") | $(ratio "$rss" "$erss") |" \
                "$(ratio "$above" "$eabove" 0.5) | $(ratio "$sum" "$esum") |"
        done <"$work/medians"
        echo
        echo "edm-console against the issue's targets (RSS here is at the end of the idle window, $((settle + idle)) s after the first frame; the target says after 60 s):"
        echo
        echo "| config | N | first frame | own CPU idle | RSS | engine above baseline |"
        echo "|---|---|---|---|---|---|"
        verdict() { awk -v v="$1" -v t="$2" -v u="$3" 'BEGIN { if (v == "NA") print "–"; else printf "%s%s %s ≤ %s%s\n", v, u, (v + 0 <= t + 0) ? "ok" : "MISSED", t, u }'; }
        while IFS=$'\t' read -r n tool fp cpu rss above sum; do
            case $tool in edm-console) cfg=default ;; edm-console-sandbox) cfg=--sandbox ;; *) continue ;; esac
            echo "| $cfg | $n | $(verdict "$fp" "$(target "$n" frame)" ' ms') | $(verdict "$cpu" "$(target "$n" cpu)" ' %') |" \
                "$(verdict "$rss" "$(target "$n" rss)" ' MiB') | $(verdict "$above" "$(target "$n" engine)" ' %') |"
        done <"$work/medians"
    fi
    if [ ${#SKIPPED[@]} -gt 0 ]; then
        echo
        for tool in "${TOOLS[@]}"; do
            [ -n "${SKIPPED[$tool]+x}" ] || continue
            k=$(awk -F'\t' -v t="$tool" '$1 == t' "$out/skipped" | wc -l)
            echo "- skipped $tool in $k of $((${#NS[@]} * runs)) runs: ${SKIPPED[$tool]}"
        done
    fi
    for n in "${NS[@]}"; do
        hi=$(awk -F'\t' -v s="$since" -v n="$n" 'NR > s && $1 == n {print $11}' "$raw" | sort -g | tail -1)
        [ -z "$hi" ] || [ "$hi" -le $((n + 10)) ] || echo "- N=$n: up to $hi containers ran on the engine during these runs (others' as well as the peers): the tools listed and the engine served all of them, so these rows are not figures for N alone."
    done
    echo
    echo "Load average during the runs (1 min): $(awk -F'\t' -v s="$since" 'NR > s {print $10}' "$raw" | sort -g | sed -n '1p;$p' | paste -sd- -)" \
        "· containers running on the engine: $(awk -F'\t' -v s="$since" 'NR > s {print $11}' "$raw" | sort -g | sed -n '1p;$p' | paste -sd- -)$took" \
        "· raw TSV: $raw"
} | tee "$table"
