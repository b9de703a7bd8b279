SUMMARY = "Piccolo agent configuration: master address, CA pin and bootstrap token"
DESCRIPTION = "Writes /etc/piccolo/agent.toml from PICCOLO_* variables set in \
               local.conf, a distro or an image recipe, so a device built with \
               it joins its cluster at first boot. Values left empty can come \
               at first boot from /etc/piccolo/agent.env (PICCOLO_MASTER, \
               PICCOLO_TOKEN, ...)."
HOMEPAGE = "https://example.invalid/piccolo"
BUGTRACKER = "https://example.invalid/piccolo/issues"
SECTION = "net"
LICENSE = "Apache-2.0"
LIC_FILES_CHKSUM = "file://agent.toml.in;beginline=1;endline=1;md5=653b254f286b881bdce1d14afdede628"

SRC_URI = "file://agent.toml.in;subdir=${BP}"

# kirkstone and scarthgap unpack into WORKDIR; later releases into UNPACKDIR
# (which must not be WORKDIR there, so it is read, never set, here).
S = "${@d.getVar('UNPACKDIR') or d.getVar('WORKDIR')}/${BP}"

inherit allarch

# HOST:PORT of the master the devices dial.
PICCOLO_MASTER ??= ""
# Pin of the cluster CA, "sha256:<hex>" from `piccoloctl cluster-info`.
PICCOLO_CA_CERT_HASH ??= ""
# Bootstrap token from `piccoloctl token create --ttl ... --uses ...`. It ends
# up in the image: give it a use count and lifetime that fit the fleet, or
# leave it empty and provide it at first boot.
PICCOLO_TOKEN ??= ""
# Node name; empty: the device's hostname.
PICCOLO_NODE_NAME ??= ""
# Labels the agent asks for, "key=value key2=value2".
PICCOLO_LABELS ??= ""
PICCOLO_HEARTBEAT_INTERVAL ??= "10s"

do_configure[noexec] = "1"
do_compile[noexec] = "1"

do_install() {
    install -d ${D}${sysconfdir}/piccolo
    sed -e 's#@PICCOLO_MASTER@#${PICCOLO_MASTER}#' \
        -e 's#@PICCOLO_CA_CERT_HASH@#${PICCOLO_CA_CERT_HASH}#' \
        -e 's#@PICCOLO_TOKEN@#${PICCOLO_TOKEN}#' \
        -e 's#@PICCOLO_NODE_NAME@#${PICCOLO_NODE_NAME}#' \
        -e 's#@PICCOLO_HEARTBEAT_INTERVAL@#${PICCOLO_HEARTBEAT_INTERVAL}#' \
        ${S}/agent.toml.in > ${D}${sysconfdir}/piccolo/agent.toml
    for label in ${PICCOLO_LABELS}; do
        printf '%s = "%s"\n' "${label%%=*}" "${label#*=}" >> ${D}${sysconfdir}/piccolo/agent.toml
    done
    # It may hold a bootstrap token.
    chmod 0600 ${D}${sysconfdir}/piccolo/agent.toml
}

CONFFILES:${PN} = "${sysconfdir}/piccolo/agent.toml"
