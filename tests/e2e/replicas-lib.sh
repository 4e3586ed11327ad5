# Sourced by replicas.sh and cluster.sh: the mock, the founding seed in a shared workspace, gateway
# replicas on it and nginx in front, all on loopback. The caller sets `bin` (BUILD_DIR/src) and
# `script` (its name, for messages) first; this sets `work`, `W`, `S`, `pids`, and cleans up on exit.

work=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-$script.XXXXXX")
W=$work/workspace
S=$work/secrets.json
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "$script: FAIL: $*" >&2; exit 1; }

first_line() { # waits for a background program's first line of output (its port)
    for _ in $(seq 1 200); do
        [ -s "$1" ] && { head -n 1 "$1"; return 0; }
        sleep 0.05
    done
    fail "no port printed in $1: $(cat "$1" "$1.err" 2>/dev/null)"
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ctl() { "$bin/ctl/gatehouse-ctl" --workspace "$W" --secrets-file "$S" "$@"; }

# The mock LLM on a free port: sets MOCK.
start_mock() {
    "$bin/mock-llm/gatehouse-mock-llm" --listen 127.0.0.1:0 --print-port >"$work/mock.out" 2>"$work/mock.out.err" &
    pids+=($!)
    MOCK=$(first_line "$work/mock.out")
}

# SmartChat on the mock with the seed's 50/50 weighted router, deployed; SmartChatApp subscribed to it
# under PLAN with production keys.
seed_workspace() {
    local plan=$1
    ctl api create --name SmartChat --context smartchat --version 1.0.0 \
        --provider openai --production-url "http://127.0.0.1:$MOCK/v1" --production-key "sk-$script-test" >/dev/null
    ctl policy attach --api SmartChat --operation "POST /chat/completions" \
        --flow request --policy modelWeightedRoundRobin \
        --params "{'production':[{'model':'gpt-4o','endpointId':'default_production_endpoint','weight':50},{'model':'gpt-4o-mini','endpointId':'default_production_endpoint','weight':50}],'sandbox':[],'suspendDuration':30}" >/dev/null
    ctl deploy --api SmartChat >/dev/null
    ctl app create --name SmartChatApp >/dev/null
    ctl subscribe --app SmartChatApp --api SmartChat --plan "$plan" >/dev/null
    ctl keys generate --app SmartChatApp --type production >/dev/null
}

# COUNT replicas on the workspace and secrets file, each with its own port and admin port: sets the
# arrays `ports` and `admins`.
start_replicas() {
    ports=()
    admins=()
    local replica admin
    for replica in $(seq 1 "$1"); do
        admin=$(free_port)
        "$bin/gateway-cli/gatehouse-gateway" --workspace "$W" --secrets-file "$S" --listen 127.0.0.1:0 \
            --admin "$admin" --print-port >"$work/gw$replica.out" 2>"$work/gw$replica.out.err" &
        pids+=($!)
        ports+=("$(first_line "$work/gw$replica.out")")
        admins+=("$admin")
    done
}

# nginx in front of `ports`: round robin with keep-alive upstream connections, no buffering (streamed
# answers pass through as they come). Sets NGINX.
start_nginx() {
    local nginx user="" port servers=""
    nginx=$(command -v nginx || echo /usr/sbin/nginx)
    [ -x "$nginx" ] || fail "nginx is missing (apt-get install nginx-light; ./dev deps does)"
    NGINX=$(free_port)
    mkdir -p "$work/nginx"
    [ "$(id -u)" -eq 0 ] && user="user root;"
    for port in "${ports[@]}"; do servers+="        server 127.0.0.1:$port;"$'\n'; done
    cat >"$work/nginx/nginx.conf" <<CONF
$user
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    upstream gatehouse {
$servers        keepalive 16;
    }
    server {
        listen 127.0.0.1:$NGINX;
        location / {
            proxy_pass http://gatehouse;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_buffering off;
        }
    }
}
CONF
    "$nginx" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
    pids+=($!)
    for _ in $(seq 1 100); do
        curl -s -o /dev/null "http://127.0.0.1:$NGINX/" && return 0
        sleep 0.05
    done
}
