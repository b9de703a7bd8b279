SUMMARY = "Piccolo master (control plane) and piccoloctl"
SUMMARY:piccoloctl = "Piccolo admin command line"
DESCRIPTION = "Control plane of a Piccolo cluster: registers devices, tracks \
               their state, keeps cluster state in an embedded store or etcd, \
               and serves the admin API used by piccoloctl."

require recipes-piccolo/include/piccolo-source.inc
require ${BPN}-crates.inc

# etcd-client generates its gRPC code with protoc in its build script.
DEPENDS += "protobuf-native"

SRC_URI += "file://master.toml"

inherit cargo cargo-update-recipe-crates systemd features_check

export PROTOC = "${STAGING_BINDIR_NATIVE}/protoc"

do_compile() {
    oe_cargo_build --package piccolo-master --bin piccolo-master --package piccolo-ctl --bin piccoloctl
}

do_install:append() {
    install -d ${D}${systemd_system_unitdir} ${D}${sysconfdir}/piccolo
    sed 's#/usr/bin/#${bindir}/#g' ${S}/systemd/piccolo-master.service \
        > ${D}${systemd_system_unitdir}/piccolo-master.service
    chmod 0644 ${D}${systemd_system_unitdir}/piccolo-master.service
    install -m 0644 ${UNPACKDIR}/master.toml ${D}${sysconfdir}/piccolo/master.toml
    # The unit's Documentation= (file:///usr/share/doc/piccolo/EMBEDDED.md).
    install -D -m 0644 ${S}/docs/EMBEDDED.md ${D}${docdir}/piccolo/EMBEDDED.md
}

SYSTEMD_SERVICE:${PN} = "piccolo-master.service"

PACKAGES =+ "piccoloctl"

FILES:piccoloctl += "${bindir}/piccoloctl"
CONFFILES:${PN} = "${sysconfdir}/piccolo/master.toml"

RRECOMMENDS:${PN} += "piccoloctl"
RCONFLICTS:${PN} = "piccolo-master-bin"
RCONFLICTS:piccoloctl = "piccoloctl-bin"
