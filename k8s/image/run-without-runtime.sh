#!/usr/bin/env bash
# Proves an image tarball from `mvn -Pimage,...` works where no container runtime is: unpacks its
# layers in order into a root file system and starts the core from it with chroot, as the image's
# user, with the image's environment and entrypoint (the image has no shell: the working directory
# stays /, which matters to nothing since the data directory is absolute), on loopback ports; waits until the core reports
# ready on /actuator/health/readiness, then stops it. Needs root (chroot, mount of /proc).
#   usage: k8s/image/run-without-runtime.sh [image tarball, default target/jib-image.tar]
set -euo pipefail

tarball=$(readlink -f "${1:-target/jib-image.tar}")
work=$(mktemp -d)
rootfs="$work/rootfs"
core=""
cleanup() {
  [[ -n "$core" ]] && kill "$core" 2>/dev/null && wait "$core" 2>/dev/null || true
  mountpoint -q "$rootfs/proc" && umount "$rootfs/proc"
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/image" "$rootfs"
tar -xf "$tarball" -C "$work/image"
config=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["Config"])' "$work/image/manifest.json")
python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))[0]["Layers"]))' "$work/image/manifest.json" \
  | while read -r layer; do tar --warning=no-unknown-keyword -xzf "$work/image/$layer" -C "$rootfs"; done

# What a container runtime would provide: /proc, a writable /tmp and data directory, the user.
mkdir -p "$rootfs/proc" "$rootfs/tmp" "$rootfs/var/lib/sluice"
chmod 1777 "$rootfs/tmp"
user=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["config"]["User"])' "$work/image/$config")
chown -R "$user" "$rootfs/var/lib/sluice"
mount -t proc proc "$rootfs/proc"
mapfile -t env < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["config"]["Env"]))' "$work/image/$config")
mapfile -t entrypoint < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["config"]["Entrypoint"]))' "$work/image/$config")

http=18480
env -i "${env[@]}" SLUICE_ROLE=core SERVER_ADDRESS=127.0.0.1 SERVER_PORT=$http SLUICE_CORE_BINDHOST=127.0.0.1 \
    SLUICE_CORE_STOMPPORT=18413 SLUICE_CORE_EDGEPORT=18473 \
  "$(command -v chroot)" --userspec="$user" "$rootfs" "${entrypoint[@]}" \
  > "$work/core.log" 2>&1 &
core=$!

for _ in $(seq 1 90); do
  if ready=$(curl -fsS "http://127.0.0.1:$http/actuator/health/readiness" 2>/dev/null); then
    echo "core from $(basename "$tarball") ready: $ready"
    grep -m1 "Started SluiceApplication" "$work/core.log" || true
    exit 0
  fi
  kill -0 "$core" 2>/dev/null || break
  sleep 2
done
echo "core did not become ready; its log:" >&2
tail -40 "$work/core.log" >&2
exit 1
