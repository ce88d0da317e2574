package dev.dlforge.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

/**
 * Lets a client that accepts anything ({@code curl -N} sends {@code Accept: *}{@code /*}, some send no
 * Accept at all) get the event stream: Javalin's SSE handler streams only when the Accept header
 * names {@code text/event-stream}, and otherwise answers an empty 200. Requests that accept any
 * type, or any text, are shown to it as asking for {@code text/event-stream}; a client that asks
 * for something else explicitly is left as it is.
 */
final class EventStreamAccept implements Filter {
    /** The studio's event stream (Studio routes it to EventHub). */
    static final String PATH = "/studio/api/events";
    static final String EVENT_STREAM = "text/event-stream";
    private static final String ACCEPT = "Accept";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && acceptsEventStream(http.getHeader(ACCEPT))) {
            request = new HttpServletRequestWrapper(http) {
                @Override
                public String getHeader(String name) {
                    return ACCEPT.equalsIgnoreCase(name) ? EVENT_STREAM : super.getHeader(name);
                }

                @Override
                public Enumeration<String> getHeaders(String name) {
                    return ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(EVENT_STREAM)) : super.getHeaders(name);
                }
            };
        }
        chain.doFilter(request, response);
    }

    /** No Accept header, or one that admits text/event-stream (*, text/*, or the type itself). */
    static boolean acceptsEventStream(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
            String type = range.split(";", 2)[0].strip();
            if (type.equals("*/*") || type.equals("text/*") || type.equals(EVENT_STREAM)) {
                return true;
            }
        }
        return false;
    }
}
