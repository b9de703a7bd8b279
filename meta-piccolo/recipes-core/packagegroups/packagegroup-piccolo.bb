SUMMARY = "Piccolo package groups: a device agent, or a master"
DESCRIPTION = "packagegroup-piccolo-agent puts the agent, its configuration \
               and (with meta-virtualization) Podman in an image; \
               packagegroup-piccolo-master the control plane and piccoloctl."
HOMEPAGE = "https://example.invalid/piccolo"
BUGTRACKER = "https://example.invalid/piccolo/issues"
SECTION = "net"
LICENSE = "MIT"

inherit packagegroup

PACKAGES = "${PN}-agent ${PN}-master"

# On releases that skip the source recipes, piccolo-agent-bin provides
# piccolo-agent (RPROVIDES), so the same group works everywhere.
RDEPENDS:${PN}-agent = "piccolo-agent piccolo-agent-config"
RDEPENDS:${PN}-master = "piccolo-master piccoloctl"
RRECOMMENDS:${PN}-agent = "${@bb.utils.contains('BBFILE_COLLECTIONS', 'virtualization-layer', 'podman', '', d)}"
