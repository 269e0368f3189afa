#!/bin/sh
# Online backup of the audit: a consistent copy of every SQLite file under DATA_DIR (sqlite3's
# .backup, safe while the server runs), into BACKUP_DIR/<UTC time>/. Needs the sqlite3 CLI.
#   DATA_DIR=/var/lib/baotou-rules BACKUP_DIR=/srv/backup/baotou-rules selfhost/backup.sh
set -eu
: "${DATA_DIR:=./data}" "${BACKUP_DIR:=./backup}"
dest="$BACKUP_DIR/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$dest"
find "$DATA_DIR" -name '*.sqlite' | while read -r db; do
  rel=${db#"$DATA_DIR"/}
  mkdir -p "$dest/$(dirname "$rel")"
  sqlite3 "$db" ".backup '$dest/$rel'"
done
echo "$dest"
