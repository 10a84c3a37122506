#!/bin/bash
# The bash completion (data/completions/undercut) against the program: the
# commands undercut --help lists, every option each command's --help lists
# (those taking a value marked as such, their values completed instead of
# options), and the values it knows: view ids from data/views/order and the
# library, dataset and source ids from the program, files and folders.
# Without bash-completion loaded, then with it where it is installed.
#   tests/check-completion.sh UNDERCUT COMPLETION TOP
set -euo pipefail

bin=$(realpath "$1") script=$(realpath "$2") top=$(realpath "$3")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C UNDERCUT_DATA_DIR=$tmp/data
n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; shift; printf '# %s\n' "$@"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what" "${detail:-}"; fi; detail=; }

# What the completion offers for the words given (the last one being
# completed), one per line, sorted; in a fresh bash, from $tmp/cwd.
complete_words() {
  (cd "$tmp/cwd" && bash --norc --noprofile -c '
    set +u
    [ -n "$LOAD_BASH_COMPLETION" ] && . /usr/share/bash-completion/bash_completion
    . "$0"
    COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
    _undercut undercut "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf "%s\n" "${COMPREPLY[@]}"' "$script" "$bin" "$@") | sed '/^$/d' | sort -u
}

# The options of a command's --help, short and long, those taking a value as "--long=".
help_options() {
  "$bin" ${1:+"$1"} --help | sed -nE 's/^  (-([[:alnum:]]), )?--([[:alnum:]-]+)(=[^ ]+)?( .*)?$/\2|\3|\4/p' |
    while IFS='|' read -r short long arg; do
      echo "--$long${arg:+=}"
      [ -z "$short" ] || echo "-$short${arg:+=}"
    done | sort -u
}

table_options() {
  bash --norc --noprofile -c '. "$0"; _undercut_options "$1"' "$script" "$1" | tr -s ' \n' '\n' | sed '/^$/d' | sort -u
}

mkdir -p "$tmp/cwd/reports" "$tmp/data"
printf 'date,close\n2025-01-27,1\n2025-01-28,2\n' >"$tmp/cwd/prices.csv"

commands=$("$bin" --help | sed -n '/Commands (each has --help)/,/^$/p' | sed -nE 's/^  ([a-z]+)  +.*/\1/p')
[ "$(echo "$commands" | wc -l)" -ge 11 ] || { echo "Bail out! undercut --help lists no commands"; exit 1; }
detail="offered: $(complete_words '' | tr '\n' ' ')"
check "undercut <TAB> offers the $(echo "$commands" | wc -l) commands of undercut --help" \
  bash -c '[ -z "$(comm -23 <(echo "$1" | sort) <(echo "$2"))" ]' _ "$commands" "$(complete_words '')"
in_script=$(bash --norc --noprofile -c '. "$0"; printf "%s\n" $_undercut_commands' "$script" | sort)
detail="script: $(echo $in_script); --help: $(echo $commands)"
check "the completion knows exactly the commands of undercut --help" [ "$in_script" = "$(echo "$commands" | sort)" ]
check "undercut ex<TAB> is export" [ "$(complete_words ex)" = export ]

for command in '' $commands; do
  name="undercut${command:+ $command}"
  wanted=$(help_options "$command")
  longs=$(echo "$wanted" | grep '^--' | sed 's/=$//' | sort)
  offered=$(complete_words $command --)
  detail="missing: $(comm -23 <(echo "$longs") <(echo "$offered") | tr '\n' ' ') extra: $(comm -13 <(echo "$longs") <(echo "$offered") | tr '\n' ' ')"
  check "$name -- offers the $(echo "$longs" | wc -l) long options of its --help, and no other" [ "$offered" = "$longs" ]
  table=$(table_options "$command")
  detail="--help: $(echo $wanted); completion: $(echo $table)"
  check "$name: the completion's options, short and long, take a value where --help says so" [ "$table" = "$wanted" ]
  # After an option that takes a value, the word is its value, even one
  # starting with a dash (-120,-11): no option is offered; after one that
  # takes none, the options are.
  bad=
  for option in $(echo "$wanted" | grep '=$' | sed 's/=$//'); do
    complete_words $command "$option" -- | grep -q '^--' && bad+=" $option"
  done
  for option in $(echo "$wanted" | grep -v '=$'); do
    [ -n "$(complete_words $command "$option" --)" ] || bad+=" $option"
  done
  detail="wrong after:$bad"
  check "$name: after each option, its value or the next option" [ -z "$bad" ]
done

values_checks() {
  local views
  views=$(sort "$top/data/views/order")
  detail="offered: $(complete_words export --view '' | tr '\n' ' ')"
  check "export --view <TAB> offers the views of data/views/order and the library's$1" \
    [ "$(complete_words export --view '')" = "$(printf '%s\nlibrary-prices\n' "$views" | sort)" ]
  check "export --view=de<TAB> is deepseek-shock$1" [ "$(complete_words export --view = de)" = deepseek-shock ]
  check "undercut --view d<TAB> is deepseek-shock$1" [ "$(complete_words --view d)" = deepseek-shock ]
  check "export -v p<TAB> is pricing$1" [ "$(complete_words export -v p)" = pricing ]
  check "export --csv pri<TAB> is prices.csv$1" [ "$(complete_words export --csv pri)" = prices.csv ]
  check "export -o pri<TAB> is prices.csv$1" [ "$(complete_words export -o pri)" = prices.csv ]
  detail="offered: $(complete_words export --pack '' | tr '\n' ' ')"
  check "export --pack <TAB> offers folders only$1" [ "$(complete_words export --pack '' | sed 's|/$||')" = reports ]
  check "inspect pri<TAB> is prices.csv$1" [ "$(complete_words inspect pri)" = prices.csv ]
  check "export --format <TAB> is png, pdf, svg$1" [ "$(complete_words export --format '' | tr '\n' ' ')" = "pdf png svg " ]
  check "export --theme=d<TAB> is dark$1" [ "$(complete_words export --theme = d)" = dark ]
  datasets=$("$bin" datasets --json | grep -o '{"id":"[^"]*"' | cut -d'"' -f4 | sort)
  check "inspect --dataset <TAB> offers the datasets of undercut datasets$1" \
    [ "$(complete_words inspect --dataset '')" = "$datasets" ]
  sources=$("$bin" sources --json | grep -o '{"id":"[^"]*"' | cut -d'"' -f4 | sort)
  check "refresh --source <TAB> offers the sources of undercut sources$1" \
    [ "$(complete_words refresh --source '')" = "$sources" ]
  check "library <TAB> offers its actions$1" [ "$(complete_words library '' | tr '\n' ' ')" = "add list reimport remove " ]
  check "library add pri<TAB> is prices.csv$1" [ "$(complete_words library add pri)" = prices.csv ]
  check "library remove <TAB> offers the library's ids$1" [ "$(complete_words library remove '')" = prices ]
  check "export --view lib<TAB> offers the library's views$1" [ "$(complete_words export --view lib)" = library-prices ]
}

"$bin" library add "$tmp/cwd/prices.csv" >/dev/null
values_checks ""
if [ -f /usr/share/bash-completion/bash_completion ]; then
  export LOAD_BASH_COMPLETION=1
  values_checks " (bash-completion loaded)"
  unset LOAD_BASH_COMPLETION
fi
registered=$(bash --norc --noprofile -c '. "$0"; complete -p undercut' "$script")
detail="$registered"
check "the completion is registered for undercut" [ "$registered" = "complete -F _undercut undercut" ]

echo "1..$n"
exit $failed
