#!/bin/bash
# Traffic generator of the sandbox: one real request every $LOG_INTERVAL seconds (default 3) through this
# nginx, from a handful of client addresses (X-Forwarded-For, trusted from 127.0.0.1 only), so that the
# access log, the Logs panel and the error-rate rules see real lines: mostly 200s, some 404s (unknown API
# paths) and about 3 % 5xx (the backend's /api/error; 502/504 whenever an upstream is down). It also
# rotates the log files past $LOG_MAX_BYTES (default 5 MB) the way logrotate does: rename, then
# `nginx -s reopen`.
interval=${LOG_INTERVAL:-3}
max_bytes=${LOG_MAX_BYTES:-5242880}
ips=(203.0.113.7 203.0.113.25 198.51.100.14 198.51.100.201 192.0.2.33 192.0.2.150)
agents=("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36" "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)"
    "curl/8.4.0" "EDM-Mailer/2.3")
ok_paths=(/ /campaigns /lists/3 /assets/app.js /api/campaigns /api/users /api/version /api/health "/api/campaigns?page=2")
missing_paths=(/api/track/open /api/v0/contacts /api/campaigns/7/stats)

rotate() {
    local rotated=0 f
    for f in /var/log/nginx/access.log /var/log/nginx/error.log; do
        if [ -f "$f" ] && [ "$(stat -c %s "$f")" -gt "$max_bytes" ]; then
            mv -f "$f" "$f.1"
            rotated=1
        fi
    done
    [ "$rotated" = 1 ] && nginx -s reopen 2>/dev/null
}

# Give nginx a moment to listen before the first request.
sleep "$interval"
while true; do
    r=$((RANDOM % 100))
    if [ $r -lt 3 ]; then
        path=/api/error
    elif [ $r -lt 10 ]; then
        path=${missing_paths[RANDOM % ${#missing_paths[@]}]}
    else
        path=${ok_paths[RANDOM % ${#ok_paths[@]}]}
    fi
    method=GET
    [ "$path" = /api/campaigns ] && [ $((RANDOM % 4)) = 0 ] && method=POST
    extra=()
    # The single-page app calls the API: its requests carry the page as the referer.
    [ "${path#/api/}" != "$path" ] && extra=(-e http://127.0.0.1/campaigns)
    curl -s -o /dev/null --max-time 10 -X "$method" "${extra[@]}" \
        -H "X-Forwarded-For: ${ips[RANDOM % ${#ips[@]}]}" \
        -A "${agents[RANDOM % ${#agents[@]}]}" \
        "http://127.0.0.1$path"
    rotate
    sleep "$interval"
done
