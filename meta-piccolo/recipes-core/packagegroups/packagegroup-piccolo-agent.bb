SUMMARY = "Piccolo device agent: the agent, its configuration and Podman"
DESCRIPTION = "Puts piccolo-agent (from source, or piccolo-agent-bin where \
               the release's Rust is too old), /etc/piccolo/agent.toml and, \
               with meta-virtualization, Podman in an image. It never pulls \
               in the master (packagegroup-piccolo-master)."
HOMEPAGE = "https://example.invalid/piccolo"
BUGTRACKER = "https://example.invalid/piccolo/issues"
SECTION = "net"
LICENSE = "MIT"

require recipes-piccolo/include/piccolo-availability.inc

inherit packagegroup features_check

# The agent's unit needs systemd; without it the agent recipes are skipped
# and so is this group.
REQUIRED_DISTRO_FEATURES = "systemd"

python () {
    why = piccolo_group_skip(d, 'agent')
    if why:
        raise bb.parse.SkipRecipe(why)
}

# piccolo-agent-bin RPROVIDES piccolo-agent, so the same group works on
# releases that skip the source recipe.
RDEPENDS:${PN} = "piccolo-agent piccolo-agent-config"
RRECOMMENDS:${PN} = "${@bb.utils.contains('BBFILE_COLLECTIONS', 'virtualization-layer', 'podman', '', d)}"
