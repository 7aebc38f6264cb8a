#!/usr/bin/env bash
# Runs an image tarball of -Pimages without a container engine, to check it on a machine that has none (like the
# build machine): unpacks its layers into a root filesystem and starts its entrypoint there under chroot, as the
# image's user, with the given environment. Needs root (chroot, bind mounts). Development aid, not a runtime.
#   deploy/images/try-image.sh discovery/target/jib-image.tar PORT=18761
# then e.g. curl localhost:18761/actuator/health/readiness; Ctrl-C stops it.
set -euo pipefail
image="$(realpath "$1")"; shift
work="$(mktemp -d)"; rootfs="$work/rootfs"; mkdir -p "$rootfs"
cleanup() { umount "$rootfs/proc" "$rootfs/dev" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
tar xf "$image" -C "$work" 2>/dev/null
layers=$(grep -o '"Layers":\[[^]]*\]' "$work/manifest.json" | grep -o '[0-9a-f]\{64\}\.tar\.gz')
for layer in $layers; do tar xzf "$work/$layer" -C "$rootfs" 2>/dev/null; done
config=$(grep -o '"Config":"[^"]*"' "$work/manifest.json" | cut -d'"' -f4)
user=$(grep -o '"User":"[^"]*"' "$work/$config" | cut -d'"' -f4)
mapfile -t entrypoint < <(grep -o '"Entrypoint":\[[^]]*\]' "$work/$config" | sed 's/"Entrypoint":\[//; s/\]$//' | tr ',' '\n' | sed 's/^"//; s/"$//')
mkdir -p "$rootfs/proc" "$rootfs/dev"
mount --bind /proc "$rootfs/proc"; mount --bind /dev "$rootfs/dev"
echo "running ${entrypoint[*]} as $user" >&2
env -i PATH=/opt/java/bin JAVA_HOME=/opt/java "$@" /usr/sbin/chroot --userspec="$user" "$rootfs" /opt/java/bin/"${entrypoint[@]}"
