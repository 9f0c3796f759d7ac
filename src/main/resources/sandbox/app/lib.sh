# Helpers shared by the sandbox app images (frontend, backend). Sourced by handle.sh and chatter.sh.
# Everything here runs under busybox ash inside a FROM-scratch image.

# server.sh keeps the container's stdout open as fd 3: inside a request handler stdout is the socket.
LOG_DIR=${LOG_DIR:-/logs}
# Rotate a log file past this many bytes, so a long-running sandbox never fills the disk.
LOG_MAX_BYTES=${LOG_MAX_BYTES:-5242880}

now_clf() { date '+%d/%b/%Y:%H:%M:%S %z'; }
now_iso() { date -u '+%Y-%m-%dT%H:%M:%SZ'; }
# stamp: one date run for both of a request's log lines (ISO for the app log, CLF for the access log; the
# images run in UTC). Each fork is paid per request, so a handler takes the time once.
stamp() {
    STAMP=$(date -u '+%Y-%m-%dT%H:%M:%SZ|%d/%b/%Y:%H:%M:%S +0000')
    STAMP_ISO=${STAMP%%|*}
    STAMP_CLF=${STAMP#*|}
}

# append FILE LINE: appends to a log file under LOG_DIR, rotating it to FILE.1 when it grows too big.
append() {
    f="$LOG_DIR/$1"
    [ -d "$LOG_DIR" ] || return 0
    # The size is looked at on one line in 64 (wc is a fork): a file outgrows the limit by a few KiB at most.
    if [ $(( RANDOM % 64 )) -eq 0 ] && [ -f "$f" ] && [ "$(wc -c < "$f")" -gt "$LOG_MAX_BYTES" ]; then mv -f "$f" "$f.1"; fi
    printf '%s\n' "$2" >> "$f"
}

# app_log LEVEL COMPONENT MESSAGE: an application log line (at STAMP when a handler took it); WARN and ERROR go to stderr like real apps do.
app_log() {
    line="${STAMP_ISO:-$(now_iso)} $1 [$2] $3"
    case "$1" in
        WARN|ERROR) printf '%s\n' "$line" >&2 ;;
        *) printf '%s\n' "$line" >&3 ;;
    esac
    [ -n "$APP_LOG_FILE" ] && append "$APP_LOG_FILE" "$line"
}

# access_log IP METHOD PATH STATUS BYTES REFERER AGENT: a "combined" format line on stdout.
access_log() {
    printf '%s\n' "$1 - - [${STAMP_CLF:-$(now_clf)}] \"$2 $3 HTTP/1.1\" $4 $5 \"${6:--}\" \"${7:--}\"" >&3
}

# read_request: parses the request on stdin into METHOD, REQ_PATH, AGENT, REFERER, CLIENT_IP, BODY_LENGTH.
# Shell built-ins only (no tr or printf pipelines): every fork here is paid per request, and at 50 requests/s
# through nginx a handler that forks a dozen times keeps a small machine's cores busy.
CR=${CR:-$(printf '\r')}
read_request() {
    read -r METHOD REQ_PATH _proto
    METHOD=${METHOD%"$CR"}
    REQ_PATH=${REQ_PATH%"$CR"}
    AGENT=""; REFERER=""; CLIENT_IP=""; BODY_LENGTH=0
    while read -r h; do
        h=${h%"$CR"}
        [ -z "$h" ] && break
        value="${h#*: }"
        case "$h" in
            [Uu][Ss][Ee][Rr]-[Aa][Gg][Ee][Nn][Tt]:*) AGENT="$value" ;;
            [Rr][Ee][Ff][Ee][Rr][Ee][Rr]:*) REFERER="$value" ;;
            [Xx]-[Rr][Ee][Aa][Ll]-[Ii][Pp]:*) CLIENT_IP="$value" ;;
            [Cc][Oo][Nn][Tt][Ee][Nn][Tt]-[Ll][Ee][Nn][Gg][Tt][Hh]:*) BODY_LENGTH="$value" ;;
        esac
    done
    CLIENT_IP=${CLIENT_IP:-127.0.0.1}
}

# respond STATUS REASON CONTENT_TYPE BODY
respond() {
    printf 'HTTP/1.1 %s %s\r\nServer: edm-sandbox\r\nContent-Type: %s\r\nContent-Length: %s\r\nConnection: close\r\n\r\n%s' \
        "$1" "$2" "$3" "${#4}" "$4"
    RESP_STATUS=$1
    RESP_BYTES=${#4}
}

# Health checks come every couple of seconds; like many real deployments they are not logged.
is_healthcheck() { [ "$AGENT" = "edm-healthcheck" ]; }
