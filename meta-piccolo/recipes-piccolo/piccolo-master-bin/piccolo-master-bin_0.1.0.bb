SUMMARY = "Piccolo master and piccoloctl, prebuilt static aarch64 binaries"
SUMMARY:piccoloctl-bin = "Piccolo admin command line, prebuilt static aarch64 binary"
DESCRIPTION = "The static piccolo-master and piccoloctl that cross/build.sh \
               --dist builds, for releases whose Rust is older than the \
               workspace needs (kirkstone, scarthgap). Same unit and \
               configuration as the piccolo-master source recipe."
HOMEPAGE = "https://example.invalid/piccolo"
BUGTRACKER = "https://example.invalid/piccolo/issues"
SECTION = "net"
LICENSE = "Apache-2.0"
LIC_FILES_CHKSUM = "file://LICENSE;md5=3b83ef96387f14655fc854ddc3c6bd57"

require recipes-piccolo/include/piccolo-dist.inc

do_install() {
    install -d ${D}${bindir} ${D}${systemd_system_unitdir} ${D}${sysconfdir}/piccolo
    install -m 0755 ${S}/bin/piccolo-master ${D}${bindir}/piccolo-master
    install -m 0755 ${S}/bin/piccoloctl ${D}${bindir}/piccoloctl
    sed 's#/usr/bin/#${bindir}/#g' ${S}/systemd/piccolo-master.service \
        > ${D}${systemd_system_unitdir}/piccolo-master.service
    chmod 0644 ${D}${systemd_system_unitdir}/piccolo-master.service
    install -m 0644 ${S}/etc/master.toml ${D}${sysconfdir}/piccolo/master.toml
    install -D -m 0644 ${S}/doc/EMBEDDED.md ${D}${docdir}/piccolo/EMBEDDED.md
}

SYSTEMD_SERVICE:${PN} = "piccolo-master.service"

PACKAGES =+ "piccoloctl-bin"

FILES:piccoloctl-bin += "${bindir}/piccoloctl"
CONFFILES:${PN} = "${sysconfdir}/piccolo/master.toml"

RRECOMMENDS:${PN} += "piccoloctl-bin"
RPROVIDES:${PN} = "piccolo-master"
RPROVIDES:piccoloctl-bin = "piccoloctl"
RCONFLICTS:${PN} = "piccolo-master"
RCONFLICTS:piccoloctl-bin = "piccoloctl"
