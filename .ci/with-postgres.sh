#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster: PERMGEN_TEST_DATABASE_URL names it while the
# command runs; the cluster is stopped and its folder deleted afterwards, whatever the outcome.
#   bash .ci/with-postgres.sh npx vitest run test/runtime/store
# Needs the Debian package postgresql (server binaries under /usr/lib/postgresql/N/bin).
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "with-postgres: no PostgreSQL server binaries under /usr/lib/postgresql (install the Debian package postgresql)" >&2
  exit 1
fi

dir=$(mktemp -d /tmp/permgen-pg.XXXXXX)
# initdb refuses to run as root: the cluster then belongs to the postgres user the package creates.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")

stop_cluster() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop_cluster EXIT

"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U permgen --auth=trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }

export PERMGEN_TEST_DATABASE_URL="postgres://permgen@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port for: $*"
set +e
"$@"
status=$?
set -e
exit $status
