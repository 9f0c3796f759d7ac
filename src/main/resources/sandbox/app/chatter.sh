# Background traffic of a sandbox app container, so that log views and error-rate alerts have something
# realistic to show: one line every $LOG_INTERVAL seconds, about 5 % of them errors.
. /app/lib.sh
interval=${LOG_INTERVAL:-3}
ips="203.0.113.7 203.0.113.25 198.51.100.14 198.51.100.201 192.0.2.33"
agents="Mozilla/5.0_(Windows_NT_10.0;_Win64;_x64) Mozilla/5.0_(Macintosh;_Intel_Mac_OS_X_14_0) curl/8.4.0 EDM-Mailer/2.3"
# pick WORD...: sets PICKED to one of the words (no subshell, so that RANDOM advances in this shell).
pick() { shift $(( RANDOM % $# )); PICKED=$1; }
while sleep "$interval"; do
    r=$(( RANDOM % 100 ))
    case "$ROLE" in
        backend)
            if [ "$BROKEN" = "1" ] || [ $r -lt 5 ]; then
                pick 'connection to postgres:5432 timed out' 'deadlock detected' 'relation "campaign_stats" does not exist'
                app_log ERROR db "query failed: $PICKED"
            elif [ $r -lt 15 ]; then
                pick 'SMTP send to mx.example.net slow: 4.2s' 'retrying delivery of campaign 7 batch 3' 'redis cache miss storm: 120 misses/s'
                app_log WARN mail "$PICKED"
            else
                pick 'GET /api/campaigns 200 12ms' 'POST /api/campaigns/7/send 202 48ms' 'GET /api/users 200 8ms' 'worker delivered 250 messages' 'token refreshed for user 2'
                app_log INFO api "$PICKED"
            fi ;;
        nginx)
            if [ $r -lt 5 ]; then status=502; elif [ $r -lt 12 ]; then status=404; else status=200; fi
            pick /api/campaigns /api/users /index.html /assets/app.js /api/track/open /favicon.ico; path=$PICKED
            pick $ips; ip=$PICKED
            pick $agents; agent=$(printf '%s' "$PICKED" | tr _ ' ')
            access_log "$ip" GET "$path" "$status" $(( 200 + RANDOM % 5000 )) "-" "$agent" ;;
        *) : ;;
    esac
done
