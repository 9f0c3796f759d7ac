# Entry point of the sandbox app images: starts the log chatter in the background and serves HTTP on
# $PORT, one forked handler per connection (busybox nc -ll -e). $ROLE picks the handler.
exec 3>&1
. /app/lib.sh
mkdir -p "$LOG_DIR" 2>/dev/null
app_log INFO main "edm-$ROLE $APP_VERSION starting on port $PORT"
[ "$ROLE" = backend ] && [ "$APP_VERSION" = v1.0 ] && app_log WARN config "API_BASE_URL not set, falling back to http://localhost:8002 (fixed in v1.1)"
[ "$BROKEN" = "1" ] && app_log ERROR main "startup check failed: database migration 0042 failed; serving errors"
if [ "${CHATTER:-1}" = "1" ]; then sh /app/chatter.sh & fi
exec nc -ll -p "$PORT" -e /bin/sh "/app/$ROLE.sh"
