# Shared by the bench/*.sh scripts (sourced, not run): the peer containers, the console's launch
# environment, the sandbox check and /proc readings. Each script sets BENCH_NAME before sourcing.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
# The image every peer container runs: FROM scratch, only a static busybox.
PEER_IMAGE=${BENCH_IMAGE:-edm-bench-busybox:1}
# Containers these scripts start carry this label, and only those are ever removed. Containers named
# peer-N that others started (another label, or none) are reused as they are and left alone.
PEER_LABEL=edm-bench-peers=1
# What every peer runs: one line a second on stdout, as in the issue's measurements.
PEER_LOOP='i=0; while :; do i=$((i+1)); echo "line $i"; sleep 1; done'
# Parallel `docker run`s when starting many peers: bounded, so the engine is not flooded.
PEER_BATCH=${BENCH_START_PARALLEL:-6}

die() { echo "${BENCH_NAME:-bench}: $*" >&2; exit 1; }
note() { echo "${BENCH_NAME:-bench}: $*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

need_docker() {
    docker version >/dev/null 2>&1 || die "the Docker engine is not reachable (docker version failed)."
}
need_tmux() {
    command -v tmux >/dev/null || die "tmux is needed (apt-get install -y tmux)."
}

# The launcher: --launcher PATH, else edm-console on the PATH.
resolve_launcher() {
    local l=${1:-}
    [ -n "$l" ] || l=$(command -v edm-console || true)
    { [ -n "$l" ] && [ -x "$l" ]; } || die "no launcher: install first (./install.sh --prefix DIR) and pass --launcher DIR/bin/edm-console."
    echo "$l"
}

# The console's environment for a run on its default config: no EDM_CONSOLE_CONFIG and a fresh HOME,
# so no ~/.config/edm-console/config.yml of the user's is read and no state of earlier runs is found;
# the sandbox dir stays the user's (for --sandbox). Prints `env ARGS...` words, one per line.
console_env_words() {
    local home=$1
    mkdir -p "$home"
    printf '%s\n' env -u EDM_CONSOLE_CONFIG -u XDG_CONFIG_HOME -u XDG_STATE_HOME -u XDG_DATA_HOME \
        "HOME=$home" "EDM_SANDBOX_DIR=${EDM_SANDBOX_DIR:-$HOME/.local/share/edm-console/sandbox}"
}
default_config_note() {
    [ ! -e /opt/edm/edm-console.yml ] || note "note: /opt/edm/edm-console.yml exists, so 'default config' means that file."
}

# Succeeds when `edm-console sandbox status` lists the five sandbox containers all running and
# healthy; otherwise prints why not on stdout.
sandbox_up_reason() {
    local launcher=$1 out bad
    if ! out=$(EDM_SANDBOX_DIR=${EDM_SANDBOX_DIR:-$HOME/.local/share/edm-console/sandbox} \
        timeout 60 "$launcher" --lang en sandbox status 2>&1); then
        echo "'edm-console sandbox status' failed: $(echo "$out" | tail -1)"
        return 1
    fi
    # Rows: NAME IMAGE STATE HEALTH PORTS; a missing container reads "absent".
    bad=$(echo "$out" | awk '$1 ~ /^edm-.*-sandbox$/ { n++; if ($3 == "absent") a++; else if ($3 != "running" || $4 != "healthy") printf "%s %s/%s, ", $1, $3, $4 }
        END { if (a == n && n > 0) printf "its containers are absent"; else if (a) printf "%d absent", a; if (n < 5) printf " (%d of 5 listed)", n }')
    if [ -n "$bad" ]; then
        echo "the sandbox is not up with every probe answering: ${bad%, } (edm-console sandbox up)"
        return 1
    fi
}

# The peer image: build it FROM scratch with the host's static busybox when missing.
ensure_peer_image() {
    docker image inspect "$PEER_IMAGE" >/dev/null 2>&1 && return
    local bb='' c dir
    for c in /bin/busybox /usr/bin/busybox; do
        [ -x "$c" ] && bb=$c && break
    done
    [ -n "$bb" ] || die "no image $PEER_IMAGE and no busybox to build it (apt-get install -y busybox-static)."
    if command -v ldd >/dev/null && ldd "$bb" >/dev/null 2>&1; then
        die "$bb is dynamically linked; a FROM scratch image needs busybox-static."
    fi
    dir=$(mktemp -d)
    cp "$bb" "$dir/busybox"
    printf 'FROM scratch\nCOPY busybox /bin/busybox\nENTRYPOINT ["/bin/busybox"]\n' >"$dir/Dockerfile"
    note "building $PEER_IMAGE from $bb..."
    docker build -q -t "$PEER_IMAGE" "$dir" >/dev/null || { rm -rf "$dir"; die "docker build of $PEER_IMAGE failed."; }
    rm -rf "$dir"
}

peer_running_count() { docker ps --format '{{.Names}}' | grep -cE '^peer-[0-9]+$' || true; }
running_count() { docker ps -q | wc -l; }

start_one_peer() {
    docker run -d --label "$PEER_LABEL" --name "peer-$1" "$PEER_IMAGE" sh -c "$PEER_LOOP" >/dev/null 2>&1 && return
    # Lost a race with someone starting the same name: fine when it runs now.
    [ "$(docker inspect -f '{{.State.Running}}' "peer-$1" 2>/dev/null)" = true ] || echo "peer-$1: docker run failed" >&2
}

# Makes peer-1..peer-N run: running ones (anyone's) are reused, stopped ones of ours replaced, the
# missing ones started in parallel batches. Ours above N are removed so that N peers run.
ensure_peers() {
    local n=$1 i name state label missing=() stale=()
    ensure_peer_image
    declare -A have=()
    while read -r name state label; do
        [[ $name =~ ^peer-([0-9]+)$ ]] || continue
        i=${BASH_REMATCH[1]}
        if [ "$i" -gt "$n" ]; then
            [ "$label" = 1 ] && stale+=("$name")
        elif [ "$state" = running ]; then
            have[$i]=1
        elif [ "$label" = 1 ]; then
            stale+=("$name")
        else
            die "$name exists, is $state and is not ours (no label $PEER_LABEL): start it, or pick another engine."
        fi
    done < <(docker ps -a --format '{{.Names}} {{.State}} {{.Label "edm-bench-peers"}}')
    [ ${#stale[@]} -eq 0 ] || printf '%s\n' "${stale[@]}" | xargs -r -n 50 docker rm -f >/dev/null
    for ((i = 1; i <= n; i++)); do
        [ -n "${have[$i]:-}" ] || missing+=("$i")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        note "starting ${#missing[@]} peer containers (peer-N, label $PEER_LABEL, $PEER_BATCH at a time)..."
        local t0
        t0=$(now_ms)
        export -f start_one_peer
        export PEER_LABEL PEER_IMAGE PEER_LOOP
        printf '%s\n' "${missing[@]}" | xargs -r -P "$PEER_BATCH" -I{} bash -c 'start_one_peer "$1"' _ {}
        note "  started in $((($(now_ms) - t0) / 1000)) s"
        sleep 3 # every new container has printed its first lines
    fi
    local running
    running=$(peer_running_count)
    [ "$running" -ge "$n" ] || die "only $running of $n peer containers run (see the errors above)."
}

# Removes the peer containers these scripts started (label $PEER_LABEL), never anyone else's.
remove_our_peers() {
    docker ps -aq --filter "label=$PEER_LABEL" | xargs -r -n 50 docker rm -f >/dev/null
}

# pids of ROOT and all its descendants (as the harness counts them).
tree_pids() {
    cat /proc/[0-9]*/stat 2>/dev/null | awk -v root="$1" '
    { pid=$1; line=$0; sub(/^.*\) /, "", line); split(line, f, " "); par[pid]=f[2] }
    END { keep[root]=1; n=1
          while (n) { n=0; for (p in par) if (!(p in keep) && (par[p] in keep)) { keep[p]=1; n=1 } }
          for (p in keep) print p }'
}
# VmRSS summed over a process tree, in kB.
tree_rss_kb() {
    local p t=0 v
    for p in $(tree_pids "$1"); do
        v=$(awk '$1=="VmRSS:"{print $2}' "/proc/$p/status" 2>/dev/null)
        t=$((t + ${v:-0}))
    done
    echo "$t"
}

# Percentiles of numbers on stdin (one a line): prints "count p50 p90 p99 max" (nearest rank).
percentiles() {
    sort -g | awk '{a[NR]=$1} END {
        if (!NR) { print "0 NA NA NA NA"; exit }
        split("50 90 99", q, " ")
        out = NR
        for (i = 1; i <= 3; i++) { r = int((q[i] * NR + 99) / 100); if (r < 1) r = 1; out = out " " a[r] }
        print out " " a[NR] }'
}
median() { sort -g | awk '{a[NR]=$1} END { if (!NR) { print "NA"; exit }
    if (NR % 2) print a[(NR+1)/2]; else printf "%.4g\n", (a[NR/2]+a[NR/2+1])/2 }'; }
