#!/usr/bin/env bash
# Sourced by the image build and deploy/kubernetes/run.sh: Podman with the three settings these machines need
# (runc, cgroupfs, no default ulimits; see ../../../shared/TOOLCHAIN.md "Containers without Docker").
debrief_podman_conf="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/containers.conf"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$debrief_podman_conf}"
pm() { podman --runtime runc --cgroup-manager=cgroupfs "$@"; }
