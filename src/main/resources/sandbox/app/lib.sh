# Helpers shared by the sandbox app images (frontend, backend). Sourced by handle.sh and chatter.sh.
# Everything here runs under busybox ash inside a FROM-scratch image.

# server.sh keeps the container's stdout open as fd 3: inside a request handler stdout is the socket.
LOG_DIR=${LOG_DIR:-/logs}
# Rotate a log file past this many bytes, so a long-running sandbox never fills the disk.
LOG_MAX_BYTES=${LOG_MAX_BYTES:-5242880}

now_clf() { date '+%d/%b/%Y:%H:%M:%S %z'; }
now_iso() { date -u '+%Y-%m-%dT%H:%M:%SZ'; }

# append FILE LINE: appends to a log file under LOG_DIR, rotating it to FILE.1 when it grows too big.
append() {
    f="$LOG_DIR/$1"
    [ -d "$LOG_DIR" ] || return 0
    if [ -f "$f" ] && [ "$(wc -c < "$f")" -gt "$LOG_MAX_BYTES" ]; then mv -f "$f" "$f.1"; fi
    printf '%s\n' "$2" >> "$f"
}

# app_log LEVEL COMPONENT MESSAGE: an application log line; WARN and ERROR go to stderr like real apps do.
app_log() {
    line="$(now_iso) $1 [$2] $3"
    case "$1" in
        WARN|ERROR) printf '%s\n' "$line" >&2 ;;
        *) printf '%s\n' "$line" >&3 ;;
    esac
    [ -n "$APP_LOG_FILE" ] && append "$APP_LOG_FILE" "$line"
}

# access_log IP METHOD PATH STATUS BYTES REFERER AGENT: a "combined" format line on stdout.
access_log() {
    printf '%s\n' "$1 - - [$(now_clf)] \"$2 $3 HTTP/1.1\" $4 $5 \"${6:--}\" \"${7:--}\"" >&3
}

# read_request: parses the request on stdin into METHOD, REQ_PATH, AGENT, REFERER, CLIENT_IP, BODY_LENGTH.
read_request() {
    read -r METHOD REQ_PATH _proto
    METHOD=$(printf '%s' "$METHOD" | tr -d '\r')
    REQ_PATH=$(printf '%s' "$REQ_PATH" | tr -d '\r')
    AGENT=""; REFERER=""; CLIENT_IP=""; BODY_LENGTH=0
    while read -r h; do
        h=$(printf '%s' "$h" | tr -d '\r')
        [ -z "$h" ] && break
        name=$(printf '%s' "${h%%:*}" | tr 'A-Z' 'a-z')
        value="${h#*: }"
        case "$name" in
            user-agent) AGENT="$value" ;;
            referer) REFERER="$value" ;;
            x-real-ip) CLIENT_IP="$value" ;;
            content-length) BODY_LENGTH="$value" ;;
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
