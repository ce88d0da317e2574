package dev.dlforge.serve;

/**
 * A {@link Error} (out of memory, stack overflow) thrown while handling one request, rethrown as an
 * exception so that the request gets the same JSON 500 as any other bug and is counted as a 500,
 * and the server goes on serving the next one.
 */
final class ServerFault extends RuntimeException {
    ServerFault(Error cause) {
        super(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }
}
