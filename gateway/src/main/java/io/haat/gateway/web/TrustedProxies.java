package io.haat.gateway.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxies in front of the gateway (an ingress or load balancer), from {@code haat.gateway.trusted-proxies}:
 * a comma-separated list of IP addresses and CIDR blocks. Empty (the default) when clients connect to the
 * gateway directly. Only a request from one of these may tell the gateway who the client is.
 */
public final class TrustedProxies {

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    public static TrustedProxies parse(String value) {
        List<Block> blocks = new ArrayList<>();
        for (String raw : value == null ? new String[0] : value.split(",")) {
            String entry = raw.strip();
            if (!entry.isEmpty()) {
                blocks.add(Block.parse(entry));
            }
        }
        return new TrustedProxies(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Whether {@code address} belongs to a trusted proxy; anything that is not an IP literal does not. */
    public boolean contains(String address) {
        InetAddress parsed = literal(address);
        return parsed != null && blocks.stream().anyMatch(block -> block.contains(parsed));
    }

    /** The address as an IP literal (no DNS lookups, ever), or null if it is not one. */
    static InetAddress literal(String address) {
        if (address == null || address.isBlank() || address.length() > 64) {
            return null;
        }
        String bare = address.strip();
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        try {
            return InetAddress.ofLiteral(bare);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** One address block: the first {@code bits} bits of {@code network}. */
    private record Block(byte[] network, int bits) {

        static Block parse(String entry) {
            int slash = entry.indexOf('/');
            InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("haat.gateway.trusted-proxies: '" + entry
                        + "' is not an IP address or CIDR block");
            }
            int max = address.getAddress().length * 8;
            int bits = max;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("haat.gateway.trusted-proxies: '" + entry + "' has an invalid prefix");
            }
            return new Block(address.getAddress(), bits);
        }

        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[whole] & mask) == (network[whole] & mask);
        }
    }
}
