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
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request whose target is not a valid URI ({@code { } [ ] | ^ "} or a space in the path, a broken {@code %}
 * escape such as {@code %ZZ}) never reaches Spring: its Reactor Netty adapter answers 400 with an empty body. This
 * handler, right after Netty's HTTP codec, answers such a request with a 400 problem instead and closes the
 * connection (the body, if any, is dropped).
 */
@Component
public class MalformedUriProblems implements NettyServerCustomizer {

    static final String HANDLER = "haat.malformedUriProblems";
    static final String DETAIL = "The request URI is malformed: characters such as { } [ ] | ^ \" or spaces must be"
            + " percent-encoded, and every % must start a valid escape.";

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(HANDLER) == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER, new Guard());
            }
        });
    }

    /** Whether Spring can make a URI of a request (what its Reactor adapter does, or refuses with 400). */
    static boolean parsable(String host, String requestTarget) {
        try {
            new URI(requestTarget.startsWith("/") ? "http://" + (host == null ? "gateway" : host) + requestTarget
                    : requestTarget);
            return true;
        } catch (URISyntaxException e) {
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
            if (msg instanceof HttpRequest request
                    && !parsable(request.headers().get(HttpHeaderNames.HOST), request.uri())) {
                refused = true;
                ReferenceCountUtil.release(msg);
                ctx.writeAndFlush(problem()).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (msg instanceof HttpContent && refused) {
                ReferenceCountUtil.release(msg);
                return;
            }
            ctx.fireChannelRead(msg);
        }

        private static FullHttpResponse problem() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", Problems.type(Problems.slugFor(org.springframework.http.HttpStatus.BAD_REQUEST)));
            body.put("title", "Bad Request");
            body.put("status", 400);
            body.put("detail", DETAIL);
            byte[] json = JsonMapper.shared().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
                    Unpooled.wrappedBuffer(json));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, json.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return response;
        }
    }
}
