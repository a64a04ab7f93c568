# Sourced by the tests in tests/pg: pg_cluster NAME starts a throw-away
# cluster (cluster.sh) for the test NAME, with $tmp a scratch directory and
# $pg the cluster's, both removed at exit, and PGHOST set to reach it.
# Exits 77 (skipped) without PostgreSQL's server binaries, 1 when the
# cluster does not start. Needs $here (the tests/pg directory).
pg_cluster() {
	tmp=$(mktemp -d) || exit 1
	pg=$(mktemp -d) || exit 1
	chmod 755 "$pg"
	trap 'sh "$here/cluster.sh" stop "$pg" >/dev/null 2>&1; rm -rf "$tmp" "$pg"' EXIT
	trap 'exit 1' INT TERM
	sh "$here/cluster.sh" start "$pg" >"$tmp/start" 2>&1
	rc=$?
	if [ $rc -eq 77 ]; then
		echo "$1: no PostgreSQL server binaries: skipped"
		exit 77
	fi
	[ $rc -eq 0 ] || { cat "$tmp/start"; echo "$1: could not start PostgreSQL"; exit 1; }
	export PGHOST="$pg"
}
