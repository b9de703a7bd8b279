SUMMARY = "Piccolo device agent, prebuilt static aarch64 binary"
DESCRIPTION = "The static piccolo-agent that cross/build.sh --dist builds, for \
               releases whose Rust is older than the workspace needs \
               (kirkstone, scarthgap). Same systemd unit and configuration as \
               the piccolo-agent source recipe."
HOMEPAGE = "https://example.invalid/piccolo"
BUGTRACKER = "https://example.invalid/piccolo/issues"
SECTION = "net"
LICENSE = "Apache-2.0"
LIC_FILES_CHKSUM = "file://LICENSE;md5=3b83ef96387f14655fc854ddc3c6bd57"

require recipes-piccolo/include/piccolo-dist.inc

do_install() {
    install -d ${D}${bindir} ${D}${systemd_system_unitdir}
    install -m 0755 ${S}/bin/piccolo-agent ${D}${bindir}/piccolo-agent
    sed 's#/usr/bin/#${bindir}/#g' ${S}/systemd/piccolo-agent.service \
        > ${D}${systemd_system_unitdir}/piccolo-agent.service
    chmod 0644 ${D}${systemd_system_unitdir}/piccolo-agent.service
    install -D -m 0644 ${S}/doc/EMBEDDED.md ${D}${docdir}/piccolo/EMBEDDED.md
}

SYSTEMD_SERVICE:${PN} = "piccolo-agent.service"

RDEPENDS:${PN} += "piccolo-agent-config"
RPROVIDES:${PN} = "piccolo-agent"
RCONFLICTS:${PN} = "piccolo-agent"
