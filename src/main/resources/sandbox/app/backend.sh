# Request handler of the sandbox backend (edm-backend). Answers /api/* with JSON.
. /app/lib.sh
read_request
[ "$BODY_LENGTH" -gt 0 ] 2>/dev/null && head -c "$BODY_LENGTH" > /dev/null
stamp
case "$REQ_PATH" in
    /api/health|/api/health\?*)
        if [ "$BROKEN" = "1" ]; then
            respond 500 "Internal Server Error" application/json "{\"status\":\"error\",\"version\":\"$APP_VERSION\",\"error\":\"database migration 0042 failed\"}"
            app_log ERROR health "health check failed: database migration 0042 failed (version $APP_VERSION)"
        else
            respond 200 OK application/json "{\"status\":\"ok\",\"version\":\"$APP_VERSION\",\"service\":\"backend\"}"
        fi ;;
    /api/version)
        respond 200 OK application/json "{\"version\":\"$APP_VERSION\"}" ;;
    /api/users|/api/users\?*)
        respond 200 OK application/json '[{"id":1,"name":"alice"},{"id":2,"name":"bob"}]' ;;
    /api/campaigns|/api/campaigns\?*)
        respond 200 OK application/json '[{"id":7,"subject":"Spring newsletter","status":"sent"}]' ;;
    /api/error)
        respond 500 "Internal Server Error" application/json '{"error":"simulated failure"}'
        app_log ERROR api "unhandled exception on GET /api/error: simulated failure" ;;
    *)
        respond 404 "Not Found" application/json '{"error":"not found"}' ;;
esac
if ! is_healthcheck; then
    access_log "$CLIENT_IP" "$METHOD" "$REQ_PATH" "$RESP_STATUS" "$RESP_BYTES" "$REFERER" "$AGENT"
    app_log INFO http "$METHOD $REQ_PATH -> $RESP_STATUS"
fi
