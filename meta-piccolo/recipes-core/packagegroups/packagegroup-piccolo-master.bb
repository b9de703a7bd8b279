SUMMARY = "Piccolo master: the control plane and piccoloctl"
DESCRIPTION = "Puts piccolo-master and piccoloctl (from source with meta-oe's \
               protobuf-native, or the prebuilt piccolo-master-bin) in an \
               image, for a device that is also a master."
HOMEPAGE = "https://example.invalid/piccolo"
BUGTRACKER = "https://example.invalid/piccolo/issues"
SECTION = "net"
LICENSE = "MIT"

require recipes-piccolo/include/piccolo-availability.inc

inherit packagegroup features_check

REQUIRED_DISTRO_FEATURES = "systemd"

python () {
    why = piccolo_group_skip(d, 'master')
    if why:
        raise bb.parse.SkipRecipe(why)
}

RDEPENDS:${PN} = "piccolo-master piccoloctl"
