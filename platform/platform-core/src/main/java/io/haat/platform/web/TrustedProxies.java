package io.haat.platform.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The proxies (the gateway) whose {@code X-Forwarded-*} headers a service believes, from
 * {@code haat.web.trusted-proxies}: a comma-separated list of IP addresses, CIDR blocks and the word
 * {@code local} (this machine: loopback and its own interface addresses, where a gateway on the same host
 * connects from). Requests from anyone else keep their TCP peer as the client address, whatever they send.
 */
public record TrustedProxies(List<String> cidrs) {

    /** The configuration property. */
    public static final String PROPERTY = "haat.web.trusted-proxies";
    /** The entry that stands for this machine's own addresses. */
    public static final String LOCAL = "local";

    public TrustedProxies {
        cidrs = List.copyOf(cidrs);
    }

    /** Parses the property value; an entry that is neither an IP literal, a CIDR block nor {@code local} fails. */
    public static TrustedProxies parse(String value) {
        Set<String> cidrs = new LinkedHashSet<>();
        for (String raw : value == null ? new String[0] : value.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (LOCAL.equalsIgnoreCase(entry)) {
                cidrs.addAll(localCidrs());
            } else {
                cidrs.add(cidr(entry));
            }
        }
        return new TrustedProxies(new ArrayList<>(cidrs));
    }

    /** In Tomcat's CIDR form for {@code server.tomcat.remoteip.internal-proxies} (every entry with a mask). */
    public String toTomcatInternalProxies() {
        return String.join(",", cidrs);
    }

    private static String cidr(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        InetAddress parsed;
        try {
            // a literal only: a host name here would mean DNS lookups for every request
            parsed = InetAddress.ofLiteral(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + ": '" + entry
                    + "' is not an IP address, a CIDR block or '" + LOCAL + "'", e);
        }
        int maxBits = parsed instanceof Inet6Address ? 128 : 32;
        int bits = maxBits;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > maxBits) {
                throw new IllegalArgumentException(PROPERTY + ": '" + entry + "' has an invalid prefix length");
            }
        }
        return parsed.getHostAddress() + "/" + bits;
    }

    private static List<String> localCidrs() {
        List<String> local = new ArrayList<>(List.of("127.0.0.0/8", "0:0:0:0:0:0:0:1/128"));
        try {
            for (NetworkInterface network : NetworkInterface.networkInterfaces().toList()) {
                network.inetAddresses().forEach(address -> {
                    String host = address.getHostAddress();
                    int scope = host.indexOf('%'); // link-local IPv6 carries its interface: not part of the address
                    host = scope < 0 ? host : host.substring(0, scope);
                    local.add(host + (address instanceof Inet6Address ? "/128" : "/32"));
                });
            }
        } catch (SocketException e) {
            // no interface list: loopback alone is still a safe answer
        }
        return local;
    }
}
