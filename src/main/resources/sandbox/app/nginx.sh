# Request handler of the sandbox reverse proxy (edm-nginx): /api/ to the backend, everything else to the
# frontend, like the production nginx. Upstreams are found by their network aliases.
. /app/lib.sh
read_request
body=/tmp/body.$$
resp=/tmp/resp.$$
if [ "$BODY_LENGTH" -gt 0 ] 2>/dev/null; then head -c "$BODY_LENGTH" > "$body"; else : > "$body"; fi
case "$REQ_PATH" in
    /nginx-health)
        respond 200 OK text/plain "ok"
        rm -f "$body"
        exit 0 ;;
    /api/*) upstream="${BACKEND_HOST:-backend} ${BACKEND_PORT:-8002}" ;;
    *) upstream="${FRONTEND_HOST:-frontend} ${FRONTEND_PORT:-8001}" ;;
esac
{
    printf '%s %s HTTP/1.0\r\nHost: %s\r\nX-Real-IP: %s\r\nUser-Agent: %s\r\nConnection: close\r\n' \
        "$METHOD" "$REQ_PATH" "${upstream% *}" "$CLIENT_IP" "$AGENT"
    [ -n "$REFERER" ] && printf 'Referer: %s\r\n' "$REFERER"
    printf 'Content-Length: %s\r\n\r\n' "$(wc -c < "$body")"
    cat "$body"
} | nc -w 5 $upstream > "$resp" 2>/dev/null
status=$(head -n 1 "$resp" | cut -d ' ' -f 2)
if [ -z "$status" ]; then
    respond 502 "Bad Gateway" text/html "<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"
    line="$(date '+%Y/%m/%d %H:%M:%S') [error] connect() failed while connecting to upstream ${upstream% *}, request: \"$METHOD $REQ_PATH HTTP/1.1\""
    printf '%s\n' "$line"
    append error.log "$line"
else
    cat "$resp"
    RESP_STATUS=$status
    RESP_BYTES=$(wc -c < "$resp")
fi
rm -f "$resp" "$body"
is_healthcheck || access_log "$CLIENT_IP" "$METHOD" "$REQ_PATH" "$RESP_STATUS" "$RESP_BYTES" "$REFERER" "$AGENT"
