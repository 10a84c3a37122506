#!/bin/sh
# Every source file with translatable strings must be listed in po/POTFILES.in,
# and every listed file must exist.
set -eu
top=$1
cd "$top"
status=0
listed=$(grep -v '^#' po/POTFILES.in | grep -v '^$' | sort)
found=$( { grep -rlE '(^|[^A-Za-z_])(N?_|C_|ngettext|uc_csv_warn_n) ?\(|g_dn?gettext' app --include='*.c' || true;
           grep -rl 'translatable="yes"' ui || true;
           ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml; } | sort -u)
for f in $found; do
  echo "$listed" | grep -qx "$f" || { echo "not in po/POTFILES.in: $f"; status=1; }
done
for f in $listed; do
  [ -f "$f" ] || { echo "listed in po/POTFILES.in but missing: $f"; status=1; }
done
[ $status -eq 0 ] && echo "po/POTFILES.in lists all $(echo "$listed" | wc -l) files with translatable strings"
exit $status
