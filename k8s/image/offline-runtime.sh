#!/usr/bin/env bash
# Builds the file tree of an offline base for the Sluice image (ADR 0012), for a machine that reaches
# no container registry: a Java 17 runtime cut by jlink from this machine's JDK, the shared libraries
# it loads (copied from this machine: Debian's libc6, zlib1g, ...), a passwd entry for user 1000 and
# the JDK's CA certificates. `mvn -Pimage,offline-base package` then builds the image with Jib FROM
# scratch with this tree as an extra layer.
#   usage: k8s/image/offline-runtime.sh [output dir, default target/offline-runtime]
set -euo pipefail

out=${1:-target/offline-runtime}
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
# Everything Java SE has, plus what Spring Boot, Artemis, Netty and Hawtio reach for outside it.
modules=java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.zipfs,jdk.localedata,jdk.charsets,jdk.httpserver,jdk.jfr

[[ -d "$jdk/jmods" ]] || { echo "no jmods in $jdk: set JAVA_HOME to a full JDK 17" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out/etc" "$out/tmp" "$out/var/lib/sluice"
"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" --strip-debug --no-man-pages \
  --no-header-files --compress=2 --output "$out/opt/java"

# Debian's JDK links its CA store to /etc/ssl/certs; the image needs the file itself.
cp -L --remove-destination "$jdk/lib/security/cacerts" "$out/opt/java/lib/security/cacerts"

# Every shared library a runtime binary loads, at the path the loader looks for it. The X11 and splash
# screen bindings are left out: a headless server never loads them (java.desktop is there for java.beans).
find "$out/opt/java" -type f \( -name '*.so' -o -perm -u+x \) \
    ! -name 'libawt_xawt.so' ! -name 'libsplashscreen.so' ! -name 'libjawt.so' -print0 \
  | xargs -0 ldd 2>/dev/null \
  | awk '/=> \// { print $3 } /^[ \t]*\/[^ ]+ \(/ { print $1 }' \
  | grep -v "^$(readlink -f "$out")/" \
  | sort -u \
  | while read -r lib; do
      mkdir -p "$out$(dirname "$lib")"
      cp -L "$lib" "$out$lib"
    done

# Java asks for the user's name and home; host names resolve through files, then DNS.
echo 'root:x:0:0:root:/root:/sbin/nologin' > "$out/etc/passwd"
echo 'sluice:x:1000:1000:sluice:/var/lib/sluice:/sbin/nologin' >> "$out/etc/passwd"
printf 'root:x:0:\nsluice:x:1000:\n' > "$out/etc/group"
echo 'hosts: files dns' > "$out/etc/nsswitch.conf"

echo "offline runtime in $out: $(du -sh "$out" | cut -f1), $(find "$out" -name '*.so*' | wc -l) shared libraries"
