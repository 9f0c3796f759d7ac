package edm.console.host;

/**
 * One line of the mount table with its space figures (statvfs): free counts the blocks reserved for root,
 * usable does not. volume is the device or source ("/dev/vda1", "server:/export", "tmpfs").
 */
record MountEntry(String mount, String type, String volume, long totalBytes, long freeBytes, long usableBytes) {
}
