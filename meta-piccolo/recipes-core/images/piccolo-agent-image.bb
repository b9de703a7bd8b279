SUMMARY = "Minimal systemd image with the Piccolo agent"
DESCRIPTION = "Boots, starts piccolo-agent under systemd's watchdog and joins \
               the cluster named by PICCOLO_MASTER, PICCOLO_CA_CERT_HASH and \
               PICCOLO_TOKEN (see meta-piccolo/README.md)."
HOMEPAGE = "https://example.invalid/piccolo"
BUGTRACKER = "https://example.invalid/piccolo/issues"
SECTION = "images"
LICENSE = "MIT"

inherit core-image features_check

REQUIRED_DISTRO_FEATURES = "systemd"

IMAGE_INSTALL = "packagegroup-core-boot packagegroup-piccolo-agent ${CORE_IMAGE_EXTRA_INSTALL}"
IMAGE_LINGUAS = ""
