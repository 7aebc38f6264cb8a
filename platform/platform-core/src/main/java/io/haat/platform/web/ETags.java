package io.haat.platform.web;

/** Versions as HTTP entity tags: {@code ETag: "7"}, and the version an {@code If-Match} header expects. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version named by an If-Match header: {@code "7"}, {@code W/"7"} or {@code 7}; null when the
     * header is absent or {@code *} (no precondition on the version).
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new BadRequestException("If-Match must be the ETag of the resource, e.g. \"3\".");
        }
    }
}
