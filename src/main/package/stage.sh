#!/usr/bin/env bash
# Run by `mvn package` (exec-maven-plugin): lays out target/package/edm-console-VERSION, the tree both
# packages ship (the .deb under /usr/lib/edm-console, the tar.gz as it is):
#   edm-console.jar, lib/*.jar, bin/edm-console (the launcher install.sh installs too), bin/make-start-archive,
#   runtime/ (jlink: only the modules the console uses), launcher.conf (java=runtime/bin/java),
#   edm-console.classlist (the classes a training run of the console loaded), share/ (man pages,
#   bash and zsh completion, the example config).
# The start-up archive itself (AppCDS) is not made here: it records the absolute paths of the jars, so
# it is made where the tree is installed, from the class list (bin/make-start-archive: the .deb's
# postinst runs it, and an unpacked tar.gz on its first start).
#
# Usage: stage.sh TARGET_DIR VERSION JAVA_HOME MODULES
set -euo pipefail
target=$1 version=$2 jdk=$3 modules=$4
here=$(cd "$(dirname "$0")" && pwd -P)
src=$(cd "$here/../dist" && pwd -P)
tree=$target/package/edm-console-$version

rm -rf -- "$target/package"
mkdir -p "$tree/bin" "$tree/lib" "$tree/share/man/man1" "$tree/share/bash-completion/completions" \
    "$tree/share/zsh/vendor-completions" "$tree/share/doc/edm-console"
cp -- "$target/edm-console-$version.jar" "$tree/edm-console.jar"
cp -- "$target"/lib/*.jar "$tree/lib/"
install -m 755 "$src/bin/edm-console" "$src/bin/make-start-archive" "$tree/bin/"

# No compression plugin: the packages compress the image better than jlink would, and the console's
# classes come from the start-up archive anyway. No default CDS archive (--generate-cds-archive): the
# console's own archive holds the JDK classes it loads too.
"$jdk/bin/jlink" --add-modules "$modules" --include-locales=en,zh \
    --strip-debug --no-header-files --no-man-pages --output "$tree/runtime"
printf '# Written by the package build: the bundled runtime (relative to this directory) and its archive.\njava=runtime/bin/java\njava_build=\narchive=cds\n' \
    >"$tree/launcher.conf"

cp -- "$target/command-docs/man1/"*.1 "$tree/share/man/man1/"
cp -- "$target/command-docs/completion/edm-console" "$tree/share/bash-completion/completions/edm-console"
cp -- "$target/command-docs/completion/_edm-console" "$tree/share/zsh/vendor-completions/_edm-console"
cp -- "$here/../resources/config/edm-console.example.yml" "$tree/share/doc/edm-console/"

# Training run: the real console in a terminal (`script`), read-only with a project dir of its own,
# opening the help and quitting (? q q), as install.sh's; the JVM lists the classes it loaded. (The
# command line's picocli classes are Java 5 class files, which CDS cannot archive: no run of them.)
work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT
mkdir -p "$work/project"
printf 'readOnly: true\nprojectDir: %s\n' "$work/project" >"$work/training.yml"
run=(env HOME="$work" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config" TERM=xterm-256color
    EDM_CONSOLE_JAVA_OPTS="-XX:DumpLoadedClassList=$work/classlist" "$tree/bin/edm-console" --config "$work/training.yml")
if command -v script >/dev/null; then
    { sleep 4; printf '?'; sleep 1; printf 'q'; sleep 0.5; printf 'q'; } |
        SHELL=$BASH timeout 120 script -qec "stty rows 40 cols 120 2>/dev/null; exec $(printf '%q ' "${run[@]}")" /dev/null \
            >/dev/null 2>&1 || true
fi
[ -s "$work/classlist" ] || { echo "stage.sh: the training run wrote no class list" >&2; exit 1; }
cp -- "$work/classlist" "$tree/edm-console.classlist"
echo "staged $tree ($(du -sh "$tree" | cut -f1), runtime $(du -sh "$tree/runtime" | cut -f1))"
