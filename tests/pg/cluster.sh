#!/bin/sh
# A throw-away PostgreSQL cluster for tests.
#   sh tests/pg/cluster.sh start DIR   create and start a cluster in DIR, print DIR
#   sh tests/pg/cluster.sh stop DIR    stop it and remove DIR
# The cluster listens only on a Unix socket in DIR (PGHOST=DIR reaches it); its
# superuser role is named after the current OS user, so `psql -h DIR dbname`
# works without -U. Run as root, the server runs as OS user postgres (DIR is
# chowned to it; DIR's parents must be searchable by postgres) and the
# superuser role is still `root`.
# Exit status: 0 ok, 2 usage, 77 no PostgreSQL server binaries, 1 failure.
set -eu

usage() {
	echo "usage: sh tests/pg/cluster.sh start|stop DIR" >&2
	exit 2
}
[ $# -eq 2 ] || usage
cmd=$1
dir=$2
[ -n "$dir" ] || usage

# bindir: where initdb, pg_ctl and postgres live (pg_config's bindir, else the
# newest /usr/lib/postgresql/*/bin).
bindir() {
	b=$(pg_config --bindir 2>/dev/null || true)
	if [ -n "$b" ] && [ -x "$b/initdb" ] && [ -x "$b/pg_ctl" ]; then
		echo "$b"
		return 0
	fi
	for b in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
		if [ -x "$b/initdb" ] && [ -x "$b/pg_ctl" ]; then
			echo "$b"
			return 0
		fi
	done
	return 1
}

bin=$(bindir) || {
	echo "cluster.sh: no PostgreSQL server binaries (install postgresql)" >&2
	exit 77
}
me=$(id -un)

# as_owner CMD...: run CMD as the cluster's OS user.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

case $cmd in
start)
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	if [ -e "$dir/data" ]; then
		echo "cluster.sh: '$dir/data' exists already (stop the old cluster first)" >&2
		exit 1
	fi
	if [ "$(id -u)" -eq 0 ]; then
		id postgres >/dev/null 2>&1 || {
			echo "cluster.sh: no OS user 'postgres' to run the server as" >&2
			exit 1
		}
		chown postgres "$dir"
		runuser -u postgres -- test -w "$dir" || {
			echo "cluster.sh: user postgres cannot reach '$dir' (make its parent directories searchable)" >&2
			exit 1
		}
	fi
	as_owner "$bin/initdb" -D "$dir/data" -U "$me" -A trust --locale=C -E UTF8 \
		--no-sync >"$dir/initdb.log" 2>&1 || {
		cat "$dir/initdb.log" >&2
		echo "cluster.sh: initdb failed in '$dir'" >&2
		exit 1
	}
	cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir'
port = 5432
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 16MB
max_connections = 100
timezone = 'UTC'
log_timezone = 'UTC'
CONF
	as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null || {
		cat "$dir/server.log" >&2 || true
		echo "cluster.sh: the server did not start in '$dir'" >&2
		exit 1
	}
	n=0
	until "$bin/pg_isready" -q -h "$dir" -p 5432; do
		n=$((n + 1))
		if [ $n -gt 100 ]; then
			echo "cluster.sh: the server in '$dir' is not ready" >&2
			exit 1
		fi
		sleep 0.1
	done
	echo "$dir"
	;;
stop)
	if [ -f "$dir/data/postmaster.pid" ]; then
		as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
	;;
*)
	usage
	;;
esac
