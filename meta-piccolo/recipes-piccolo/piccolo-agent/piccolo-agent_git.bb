SUMMARY = "Piccolo device agent"
DESCRIPTION = "Small agent that enrols an embedded Linux device with a Piccolo \
               master over mutual TLS, reports its state and containers, and \
               keeps running offline. Runs under systemd with a watchdog."

require recipes-piccolo/include/piccolo-source.inc
require ${BPN}-crates.inc

inherit cargo cargo-update-recipe-crates systemd features_check

# The workspace holds several binaries; this recipe builds the agent alone.
do_compile() {
    oe_cargo_build --package piccolo-agent --bin piccolo-agent
}

do_install:append() {
    install -d ${D}${systemd_system_unitdir}
    sed 's#/usr/bin/#${bindir}/#g' ${S}/systemd/piccolo-agent.service \
        > ${D}${systemd_system_unitdir}/piccolo-agent.service
    chmod 0644 ${D}${systemd_system_unitdir}/piccolo-agent.service
    # The unit's Documentation= (file:///usr/share/doc/piccolo/EMBEDDED.md).
    install -D -m 0644 ${S}/docs/EMBEDDED.md ${D}${docdir}/piccolo/EMBEDDED.md
}

SYSTEMD_SERVICE:${PN} = "piccolo-agent.service"

# /etc/piccolo/agent.toml (master address, CA pin, token) comes from its own
# recipe so images set it without touching this one.
RDEPENDS:${PN} += "piccolo-agent-config"
RCONFLICTS:${PN} = "piccolo-agent-bin"
