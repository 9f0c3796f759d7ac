#!/usr/bin/env bash
# Builds edm-console and installs it:
#   PREFIX/lib/edm-console/   the jar, its libraries, the launcher, launcher.conf (the JDK to run) and a
#                             start-up archive for that JDK (an AOT cache on JDK 25+, else AppCDS)
#   PREFIX/bin/edm-console    a symlink to the launcher
# Re-running replaces the installation in one step (staged in a temporary directory, then renamed);
# --uninstall removes exactly what an installation made. Run ./install.sh --help for the options.
set -euo pipefail

readonly APP=edm-console
readonly MARKER=.edm-console-install
SOURCE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
readonly SOURCE_DIR

prefix=/usr/local
action=install
build=true
offline=false
archive=true

case "${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}" in
    zh_CN* | zh_SG* | zh-CN* | zh-Hans*) zh=true ;;
    *) zh=false ;;
esac

# say ENGLISH CHINESE: one message in the user's language.
say() { if $zh; then printf '%s\n' "$2"; else printf '%s\n' "$1"; fi; }
warn() { say "$APP: warning: $1" "$APP：警告：$2" >&2; }
die() {
    say "$APP: $1" "$APP：$2" >&2
    exit "${3:-1}"
}

usage() {
    if $zh; then
        cat <<EOF
用法：./install.sh [--prefix 目录] [--offline] [--no-build] [--no-archive] [--uninstall] [--help]

构建 edm-console，并把它安装到 前缀/lib/edm-console/，启动脚本链接为 前缀/bin/edm-console。
重复运行是安全的：新版本先装到临时目录，再一步替换旧版本。

  --prefix 目录   安装前缀（默认 /usr/local）
  --offline       Maven 离线构建（依赖已在 ~/.m2 中）
  --no-build      不构建，直接安装已有的 target/ 构建结果
  --no-archive    不生成启动归档（默认生成：JDK 25 及以上为 AOT 缓存，否则为应用类数据共享归档；
                  在空闲机器上首帧快约 40%，见 bench/README.md）；旧名 --no-cds 仍可用
  --uninstall     删除该前缀下由本脚本安装的内容
  --help          显示本帮助

需要：Java 17 或更高版本（JDK）与 Maven；构建只访问 Maven Central。
控制台运行在 JAVA_HOME 指定的 Java 上（须为 17 或更高）；未设置 JAVA_HOME 时，使用 PATH 中的 java
与 /usr/lib/jvm/* 里版本最新的一个。所选 JDK 记录在安装中；换 JDK 后请重新运行 ./install.sh。
EOF
    else
        cat <<EOF
Usage: ./install.sh [--prefix DIR] [--offline] [--no-build] [--no-archive] [--uninstall] [--help]

Builds edm-console and installs it into PREFIX/lib/edm-console/, with the launcher linked as
PREFIX/bin/edm-console. Re-running is safe: the new version is staged in a temporary directory
and then replaces the old one in one step.

  --prefix DIR    installation prefix (default /usr/local)
  --offline       build with Maven offline (dependencies already in ~/.m2)
  --no-build      do not build; install the existing build in target/
  --no-archive    skip the start-up archive (made by default: an AOT cache on JDK 25 or newer,
                  else an application class-data sharing archive; on an idle machine the first
                  frame came 40 % sooner with it, see bench/README.md); --no-cds is an alias
  --uninstall     remove what this script installed under the prefix
  --help          show this help

Needs Java 17 or newer (a JDK) and Maven; the build only contacts Maven Central.
The console runs on the Java in JAVA_HOME when it is set (it must be 17 or newer); else on the
newest of `java` on the PATH and /usr/lib/jvm/*. The installation records that JDK; run
./install.sh again after installing another one.
EOF
    fi
}

parse_args() {
    while [ $# -gt 0 ]; do
        case "$1" in
            --prefix)
                { [ $# -ge 2 ] && [ -n "$2" ]; } || die "--prefix needs a directory (see --help)." "--prefix 需要一个目录（见 --help）。" 2
                prefix=$2
                shift 2
                ;;
            --prefix=*)
                prefix=${1#--prefix=}
                [ -n "$prefix" ] || die "--prefix needs a directory (see --help)." "--prefix 需要一个目录（见 --help）。" 2
                shift
                ;;
            --uninstall) action=uninstall; shift ;;
            --offline) offline=true; shift ;;
            --no-build) build=false; shift ;;
            --archive | --cds) archive=true; shift ;;
            --no-archive | --no-cds) archive=false; shift ;;
            -h | --help) usage; exit 0 ;;
            *) die "unknown option: $1 (see --help)." "未知选项：$1（见 --help）。" 2 ;;
        esac
    done
    case "$prefix" in
        /*) ;;
        *) prefix=$(pwd -P)/$prefix ;;
    esac
    prefix=${prefix%/}
    [ -n "$prefix" ] || die "--prefix / is not allowed." "不允许使用 --prefix /。" 2
}

# The installation's paths under the prefix.
set_paths() {
    lib_parent=$prefix/lib
    home=$lib_parent/$APP
    bin_dir=$prefix/bin
    link=$bin_dir/$APP
    link_target=../lib/$APP/bin/$APP
}

# Version of a JDK's java: its release file's JAVA_VERSION (no JVM start), else `java -version`'s
# ("1.8.0_292", "17.0.15"). java_major turns it into the major version: 8, 17, 25.
java_version() {
    local release v
    release=$(dirname "$(dirname "$1")")/release
    if [ -r "$release" ]; then
        v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9._]*\).*/\1/p' "$release")
    fi
    [ -n "${v:-}" ] || v=$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
    printf '%s' "$v"
}
java_major() {
    local v
    v=$(java_version "$1")
    v=${v#1.}
    printf '%s' "${v%%[!0-9]*}"
}

# The exact build of a JDK (JAVA_RUNTIME_VERSION, e.g. 25.0.3+9-LTS): an archive fits only it.
java_build() {
    local release
    release=$(dirname "$(dirname "$1")")/release
    [ -r "$release" ] && sed -n 's/^JAVA_RUNTIME_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$release"
}

# The JDK the console will run on, as a real path (so switching /usr/bin/java's alternative later
# does not change it under the archive): JAVA_HOME when set, the operator's explicit choice; else
# the newest Java 17+ among `java` on the PATH and /usr/lib/jvm/*/bin/java (the PATH's on a tie).
pick_java() {
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
        readlink -f -- "$JAVA_HOME/bin/java"
        return
    fi
    local candidates=() c best='' best_v='' v
    c=$(command -v java || true)
    [ -n "$c" ] && candidates+=("$c")
    for c in /usr/lib/jvm/*/bin/java; do
        [ -x "$c" ] && candidates+=("$c")
    done
    for c in "${candidates[@]}"; do
        c=$(readlink -f -- "$c") || continue
        v=$(java_version "$c")
        [ -n "$v" ] && [ "$(java_major "$c")" -ge 17 ] 2>/dev/null || continue
        if [ -z "$best" ] || [ "$(printf '%s\n%s\n' "$best_v" "$v" | sort -V | tail -n 1)" != "$best_v" ]; then
            best=$c best_v=$v
        fi
    done
    if [ -n "$best" ]; then
        printf '%s' "$best"
    elif [ ${#candidates[@]} -gt 0 ]; then
        readlink -f -- "${candidates[0]}"
    fi
}

check_prerequisites() {
    local problems=() major
    java=$(pick_java)
    if [ -z "$java" ]; then
        problems+=("$(say "Java 17 or newer: no java on the PATH and JAVA_HOME is not set." \
            "Java 17 或更高版本：PATH 中没有 java，且未设置 JAVA_HOME。")")
    else
        major=$(java_major "$java")
        if [ -z "$major" ] || [ "$major" -lt 17 ]; then
            problems+=("$(say "Java 17 or newer: $java is Java ${major:-of unknown version}." \
                "Java 17 或更高版本：$java 的版本是 ${major:-未知}。")")
        elif $build && ! { [ -x "$(dirname "$java")/javac" ] || command -v javac >/dev/null; }; then
            problems+=("$(say "a JDK (javac): $java is only a runtime." "JDK（javac）：$java 只是运行时环境。")")
        fi
    fi
    if $build && ! command -v mvn >/dev/null; then
        problems+=("$(say "Maven (mvn): not on the PATH." "Maven（mvn）：不在 PATH 中。")")
    fi
    if ((${#problems[@]})); then
        say "$APP: cannot install; missing:" "$APP：无法安装，缺少：" >&2
        printf '  - %s\n' "${problems[@]}" >&2
        say "On Debian/Ubuntu: apt-get install -y openjdk-17-jdk-headless maven (then run ./install.sh again)." \
            "Debian/Ubuntu 上：apt-get install -y openjdk-17-jdk-headless maven（然后重新运行 ./install.sh）。" >&2
        exit 2
    fi
    java_major_version=$major
}

build_console() {
    # -Dpackages.skip: the .deb and tar.gz (jlink runtime, man pages) are not what this installs.
    local args=(-B -q -Dstyle.color=never package -DskipTests -Dpackages.skip=true)
    $offline && args=(-o "${args[@]}")
    say "Building $APP (mvn ${args[*]})..." "正在构建 $APP（mvn ${args[*]}）..."
    (cd "$SOURCE_DIR" && mvn "${args[@]}") ||
        die "the build failed; see the Maven output above." "构建失败，请查看上面的 Maven 输出。"
}

# The built jar (not a sources or tests jar) in target/.
built_jar() {
    local j
    for j in "$SOURCE_DIR"/target/"$APP"-*.jar; do
        case "$j" in *-sources.jar | *-tests.jar | *-javadoc.jar) continue ;; esac
        [ -f "$j" ] && { printf '%s' "$j"; return 0; }
    done
    return 1
}

stage_dir=''
cleanup() {
    if [ -n "$stage_dir" ] && [ -d "$stage_dir" ]; then
        rm -rf -- "$stage_dir"
    fi
}

# Directories this installation created (so --uninstall removes them again when empty), one a
# line: those an earlier installation recorded, and the prefix's missing ancestors and lib/, bin/.
created_dirs() {
    local d
    if [ -f "$home/$MARKER" ]; then
        sed -n 's/^created-dir=//p' "$home/$MARKER"
    fi
    for d in "$lib_parent" "$bin_dir"; do
        [ -d "$d" ] || printf '%s\n' "$d"
    done
    d=$prefix
    while [ -n "$d" ] && [ ! -d "$d" ]; do
        printf '%s\n' "$d"
        d=${d%/*}
    done
}

install_console() {
    local jar version created
    jar=$(built_jar) || die "no built jar in $SOURCE_DIR/target; run without --no-build." \
        "$SOURCE_DIR/target 中没有构建好的 jar；请去掉 --no-build 重新运行。"
    [ -d "$SOURCE_DIR/target/lib" ] || die "no $SOURCE_DIR/target/lib; run without --no-build." \
        "没有 $SOURCE_DIR/target/lib；请去掉 --no-build 重新运行。"
    if [ -e "$home" ] && [ ! -f "$home/$MARKER" ]; then
        die "$home exists but was not installed by this script; move it away or choose another --prefix." \
            "$home 已存在但不是本脚本安装的；请移走它或换一个 --prefix。"
    fi
    if [ -e "$link" ] || [ -L "$link" ]; then
        if [ "$(readlink "$link" || true)" != "$link_target" ]; then
            die "$link exists and is not this installation's launcher; remove it or choose another --prefix." \
                "$link 已存在且不是本安装的启动脚本；请删除它或换一个 --prefix。"
        fi
    fi
    version=$(basename "$jar" .jar)
    version=${version#"$APP"-}
    created=$(created_dirs)

    umask 022
    mkdir -p -- "$lib_parent" "$bin_dir"
    stage_dir=$(mktemp -d "$lib_parent/.$APP.new.XXXXXX")
    trap cleanup EXIT
    chmod 755 "$stage_dir"
    mkdir -p "$stage_dir/lib" "$stage_dir/bin"
    cp -- "$jar" "$stage_dir/$APP.jar"
    cp -- "$SOURCE_DIR"/target/lib/*.jar "$stage_dir/lib/"
    cp -- "$SOURCE_DIR/src/main/dist/bin/$APP" "$stage_dir/bin/$APP"
    chmod 755 "$stage_dir/bin/$APP"
    {
        printf 'version=%s\n' "$version"
        printf 'installed=%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
        printf 'link=%s\n' "$link"
        [ -n "$created" ] && printf '%s\n' "$created" | sort -u | sed 's/^/created-dir=/'
    } >"$stage_dir/$MARKER"
    write_launcher_conf "$stage_dir" none

    # Swap: the old tree moves aside and the new one takes its name (two renames on one
    # filesystem), so a console starting meanwhile sees a complete tree, old or new.
    local old=''
    if [ -d "$home" ]; then
        old=$(mktemp -d "$lib_parent/.$APP.old.XXXXXX")
        mv -T -- "$home" "$old/tree"
    fi
    mv -T -- "$stage_dir" "$home"
    stage_dir=''
    [ -n "$old" ] && rm -rf -- "$old"

    local tmp_link
    tmp_link=$bin_dir/.$APP.link.$$
    ln -sfn -- "$link_target" "$tmp_link"
    mv -Tf -- "$tmp_link" "$link"

    if $archive; then
        make_archive
    fi
    say "Installed $APP $version: $link -> $home (Java $(java_version "$java"): $java)" \
        "已安装 $APP $version：$link -> $home（Java $(java_version "$java")：$java）"
    case ":$PATH:" in
        *":$bin_dir:"*) ;;
        *) warn "$bin_dir is not on your PATH; start the console as $link." \
            "$bin_dir 不在 PATH 中；请用 $link 启动控制台。" ;;
    esac
}

# launcher.conf DIR ARCHIVE: the JDK the launcher runs (and its exact build, so an in-place
# upgrade drops the archive instead of feeding it to another JVM) and which archive it uses.
write_launcher_conf() {
    {
        printf '# Written by install.sh: the JDK this installation runs on and its start-up archive.\n'
        printf 'java=%s\n' "$java"
        printf 'java_build=%s\n' "$(java_build "$java")"
        printf 'archive=%s\n' "$2"
    } >"$1/launcher.conf.tmp"
    mv -f -- "$1/launcher.conf.tmp" "$1/launcher.conf"
}

# The start-up archive (default; --no-archive skips it): the JVM maps the classes a console start
# loads from one file instead of reading ~35 jars. On JDK 25+ it is an AOT cache (JEP 483/514/515:
# classes loaded and linked, plus the training run's method profiles; Temurin 25 took the first
# frame from 1.58 s to 1.05 s), else a dynamic AppCDS archive (on an idle 2-core machine the first
# frame came after 2.0 s instead of 3.4 s). Both record the jars' absolute paths and times, so the
# archive is made after the swap, at the final location, by a training run of the real console
# through `script`, which gives it a terminal: it lists the containers of the engine if there is
# one, the keys ? q q open the help and quit. A JVM maps a truncated archive blindly, so it is
# written under a temporary name and only renamed once the training run ended well; then the
# launcher is told to use it and a start that refuses an unusable archive checks it.
make_archive() {
    local kind=cds file=$home/$APP.jsa dump=EDM_CONSOLE_CDS_DUMP check=-Xshare:on work rc=0
    if [ "${java_major_version:-0}" -ge 25 ]; then
        kind=aot file=$home/$APP.aot dump=EDM_CONSOLE_AOT_DUMP check=-XX:AOTMode=on
        say "Creating the AOT cache for Java $java_major_version (a short training run of the console)..." \
            "正在为 Java $java_major_version 生成 AOT 缓存（控制台的一次简短训练运行）..."
    else
        say "Creating the class-data archive (a short training run of the console)..." \
            "正在生成类数据共享归档（控制台的一次简短训练运行）..."
    fi
    work=$(mktemp -d)
    # The training run must not touch a real stack's files (it would append to /opt/edm/logs/system/alerts.log):
    # read-only, with a project dir of its own.
    mkdir -p "$work/project"
    printf 'readOnly: true\nprojectDir: %s\n' "$work/project" >"$work/training.yml"
    local run=(env HOME="$work" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config"
        "$dump=$file.tmp" "$home/bin/$APP" --config "$work/training.yml")
    if command -v script >/dev/null && command -v timeout >/dev/null; then
        # The AOT cache is assembled at exit, in a second JVM: the time limit allows for a busy box.
        { sleep 5; printf '?'; sleep 1; printf 'q'; sleep 0.5; printf 'q'; } |
            SHELL=$BASH timeout 240 script -qec "stty rows 40 cols 120 2>/dev/null; exec $(printf '%q ' "${run[@]}")" /dev/null \
                >/dev/null 2>&1 || rc=$?
    else
        "${run[@]}" config show >/dev/null 2>&1 || rc=$?
    fi
    rm -rf -- "$work"
    if [ "$rc" -eq 0 ] && [ -s "$file.tmp" ]; then
        mv -f -- "$file.tmp" "$file"
        chmod 644 "$file"
        write_launcher_conf "$home" "$kind"
        if ! EDM_CONSOLE_JAVA_OPTS=$check "$home/bin/$APP" --version >/dev/null 2>&1; then
            write_launcher_conf "$home" none
            rm -f -- "$file"
            warn "the start-up archive does not work with this Java; the console runs without it (slower start)." \
                "启动归档与此 Java 不兼容；控制台将不使用它（启动较慢）。"
        fi
    else
        rm -f -- "$file.tmp" "$file.tmp.config"
        warn "could not create the start-up archive (training run exit code $rc); the console runs without it (slower start)." \
            "无法生成启动归档（训练运行退出码 $rc）；控制台将不使用它（启动较慢）。"
    fi
}

uninstall_console() {
    local removed=false d
    if [ -L "$link" ] && [ "$(readlink "$link")" = "$link_target" ]; then
        rm -f -- "$link"
        removed=true
    elif [ -e "$link" ]; then
        warn "$link is not this installation's launcher; left in place." "$link 不是本安装的启动脚本，已保留。"
    fi
    if [ -d "$home" ]; then
        [ -f "$home/$MARKER" ] || die "$home was not installed by this script; left in place." \
            "$home 不是本脚本安装的，已保留。"
        local created
        created=$(sed -n 's/^created-dir=//p' "$home/$MARKER")
        rm -rf -- "$home"
        removed=true
        # Leftovers of an interrupted installation (each holds our marker or nothing of anyone else's).
        for d in "$lib_parent"/."$APP".new.* "$lib_parent"/."$APP".old.*; do
            [ -d "$d" ] && rm -rf -- "$d"
        done
        # Directories the installation created, deepest first, only if nothing else lives there.
        if [ -n "$created" ]; then
            printf '%s\n' "$created" | sort -r | while IFS= read -r d; do
                rmdir -- "$d" 2>/dev/null || true
            done
        fi
    fi
    if $removed; then
        say "Removed $APP from $prefix." "已从 $prefix 删除 $APP。"
    else
        say "$APP is not installed in $prefix; nothing to remove." "$prefix 中没有安装 $APP，无需删除。"
    fi
}

main() {
    parse_args "$@"
    set_paths
    if [ "$action" = uninstall ]; then
        uninstall_console
        return
    fi
    check_prerequisites
    $build && build_console
    install_console
}

main "$@"
