# Showcase: the store checks out, exports to one JSON document and backs up.
echo "== beter check"
"$beter" check
echo
echo "== beter export: rows per table"
"$beter" export | jq -r '.tables | to_entries[] | "  \(.key): \(.value | length)"'
echo
echo "== beter backup"
backup_file=$(mktemp "${TMPDIR:-/tmp}/beter-backup.XXXXXX")
"$beter" backup "$backup_file" && "$beter" --db "$backup_file" -q check && echo "the backup is a sound store too"
rm -f "$backup_file" "$backup_file-wal" "$backup_file-shm"
