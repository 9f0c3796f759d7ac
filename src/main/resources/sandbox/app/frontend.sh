# Request handler of the sandbox frontend (edm-frontend): a single-page app, every path gets index.html.
. /app/lib.sh
read_request
stamp
if [ "$BROKEN" = "1" ]; then
    respond 500 "Internal Server Error" text/html "<html><body><h1>500</h1><p>EDM frontend $APP_VERSION failed to render</p></body></html>"
else
    respond 200 OK "text/html; charset=utf-8" "${INDEX_HTML:-$(cat /app/www/index.html)}"
fi
is_healthcheck || access_log "$CLIENT_IP" "$METHOD" "$REQ_PATH" "$RESP_STATUS" "$RESP_BYTES" "$REFERER" "$AGENT"
