package io.haat.gateway.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request whose target is not a valid URI ({@code { } [ ] | ^ "} or a space in the path, a broken {@code %}
 * escape such as {@code %ZZ}) never reaches Spring: its Reactor Netty adapter answers 400 with an empty body. Nor does
 * a request Netty's HTTP codec refuses itself: a request line over its limit (4 KB, Reactor Netty answers an empty
 * 414), headers over theirs ({@code server.max-http-request-header-size}, 8 KB: an empty 431) or a request line or
 * header it cannot parse (an empty 400). This handler, right after Netty's HTTP codec, answers such a request with a
 * problem of the same status instead and closes the connection (the body, if any, is dropped).
 */
@Component
public class MalformedUriProblems implements NettyServerCustomizer {

    static final String HANDLER = "haat.malformedUriProblems";
    static final String DETAIL = "The request URI is malformed: characters such as { } [ ] | ^ \" or spaces must be"
            + " percent-encoded, every % must start a valid escape, and the path's escapes must be UTF-8.";
    static final String LINE_TOO_LONG = "The request line (method, URI and version) is longer than the gateway accepts:"
            + " send long data in a request body instead of the query string.";
    static final String HEADERS_TOO_LARGE = "The request's headers are larger than the gateway accepts: check for"
            + " oversized cookies or tokens.";
    static final String NOT_HTTP = "The request is not valid HTTP/1.1: its request line or a header could not be"
            + " parsed.";

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(HANDLER) == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER, new Guard());
            }
        });
    }

    /**
     * Whether a request can be passed on: Spring can make a URI of it (what its Reactor adapter does, or refuses with
     * an empty 400), every character is one RFC 3986 allows (the services' Tomcat answers {@code [ ] | ^} and the like
     * in a query with an HTML 400), and the path's escapes decode as UTF-8 (Tomcat: HTML 400 for {@code %C3%28}).
     */
    static boolean parsable(String host, String requestTarget) {
        if (!rfc3986(requestTarget) || !utf8Path(requestTarget)) {
            return false;
        }
        try {
            new URI(requestTarget.startsWith("/") ? "http://" + (host == null ? "gateway" : host) + requestTarget
                    : requestTarget);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean rfc3986(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._~!$&'()*+,;=:@/?%".indexOf(c) >= 0;
            if (!allowed || c == '%' && (i + 2 >= target.length() || !hex(target.charAt(i + 1))
                    || !hex(target.charAt(i + 2)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean utf8Path(String target) {
        String path = target.split("\\?", 2)[0];
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()) {
                bytes.write(Integer.parseInt(path.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** Answers the first request with a malformed URI on a connection, then drops what follows and closes it. */
    private static final class Guard extends ChannelInboundHandlerAdapter {

        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (refused) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
                refused = true;
                Throwable cause = request.decoderResult().cause();
                ReferenceCountUtil.release(msg);
                FullHttpResponse problem = switch (cause) {
                    case TooLongHttpLineException ignored -> problem(HttpResponseStatus.REQUEST_URI_TOO_LONG,
                            "URI Too Long", LINE_TOO_LONG);
                    case TooLongHttpHeaderException ignored -> problem(
                            HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request Header Fields Too Large",
                            HEADERS_TOO_LARGE);
                    case null, default -> problem(HttpResponseStatus.BAD_REQUEST, "Bad Request", NOT_HTTP);
                };
                ctx.writeAndFlush(problem).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (msg instanceof HttpRequest request
                    && !parsable(request.headers().get(HttpHeaderNames.HOST), request.uri())) {
                refused = true;
                ReferenceCountUtil.release(msg);
                ctx.writeAndFlush(problem(HttpResponseStatus.BAD_REQUEST, "Bad Request", DETAIL))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (msg instanceof HttpContent && refused) {
                ReferenceCountUtil.release(msg);
                return;
            }
            ctx.fireChannelRead(msg);
        }

        private static FullHttpResponse problem(HttpResponseStatus status, String title, String detail) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", Problems.type(Problems.slugFor(HttpStatusCode.valueOf(status.code()))));
            body.put("title", title);
            body.put("status", status.code());
            body.put("detail", detail);
            byte[] json = JsonMapper.shared().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.wrappedBuffer(json));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, json.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return response;
        }
    }
}
