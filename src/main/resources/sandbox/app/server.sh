# Entry point of the sandbox app images: starts the log chatter in the background and serves HTTP on
# $PORT, one forked handler per connection (busybox nc -ll... -e). $ROLE picks the handler. Exits promptly on
# SIGTERM/SIGINT (docker stop).
exec 3>&1
. /app/lib.sh
mkdir -p "$LOG_DIR" 2>/dev/null
app_log INFO main "edm-$ROLE $APP_VERSION starting on port $PORT"
[ "$ROLE" = backend ] && [ "$APP_VERSION" = v1.0 ] && app_log WARN config "API_BASE_URL not set, falling back to http://localhost:8002 (fixed in v1.1)"
[ "$BROKEN" = "1" ] && app_log ERROR main "startup check failed: database migration 0042 failed; serving errors"
# Read once here, not per request (each handler is a fresh shell: what it needs comes in its environment).
CR=$(printf '\r')
export CR
[ "$ROLE" = frontend ] && INDEX_HTML=$(cat /app/www/index.html) && export INDEX_HTML
chatter=""
if [ "${CHATTER:-1}" = "1" ]; then sh /app/chatter.sh & chatter=$!; fi
# busybox nc's listen backlog is the number of -l flags it is given (-ll: 2). Under nginx at 50 requests/s a
# backlog of 2 drops SYNs (each a 1 s retransmit, a 504 at nginx); 64 queues any burst a handler fork takes.
nc -llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllll -p "$PORT" -e /bin/sh "/app/$ROLE.sh" &
server=$!
# This shell is PID 1: the kernel gives PID 1 no default signal actions, so without a trap SIGTERM would be
# ignored and every docker stop would wait out its whole grace period before SIGKILL. Stop like a
# well-behaved server instead: end the listener and the chatter, log it, exit 0.
stop() {
    trap - TERM INT
    app_log INFO main "edm-$ROLE $APP_VERSION received SIG$1, shutting down"
    kill "$server" $chatter 2>/dev/null
    wait "$server" 2>/dev/null
    exit 0
}
trap 'stop TERM' TERM
trap 'stop INT' INT
wait "$server"
rc=$?
# The listener ended by itself (port taken, crash): the container ends with it, as it did when nc was PID 1.
[ -n "$chatter" ] && kill "$chatter" 2>/dev/null
exit "$rc"
